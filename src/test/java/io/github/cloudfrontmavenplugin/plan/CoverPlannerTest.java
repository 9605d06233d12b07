package io.github.cloudfrontmavenplugin.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CoverPlannerTest {
    private static Plan plan(List<String> changed, Map<String, Long> unchanged, int maxPaths, int maxWildcards)
            throws UserFixableException {
        return CoverPlanner.plan(changed, Optional.of(unchanged), Budget.of(maxPaths, maxWildcards));
    }

    @Test
    void aSetThatFitsIsSentAsIs() throws UserFixableException {
        Plan plan = plan(List.of("/a.html", "/b/c.html", "/b/"), Map.of("/", 4L), 3, 15);
        assertEquals(List.of("/a.html", "/b/c.html", "/b/"), plan.paths());
        assertFalse(plan.collapsed());
        assertEquals(0, plan.overInvalidated());
    }

    @Test
    void collapsesTheDirectoryThatCostsLeast() throws UserFixableException {
        // /docs has 3 changed and 100 unchanged objects, /api 3 changed and 1 unchanged: /api/* is the cheap one.
        List<String> changed = List.of("/docs/a", "/docs/b", "/docs/c", "/api/x", "/api/y", "/api/z");
        Plan plan = plan(changed, Map.of("/docs/", 100L, "/api/", 1L), 4, 15);
        assertEquals(Set.of("/api/*", "/docs/a", "/docs/b", "/docs/c"), Set.copyOf(plan.paths()));
        assertEquals(1, plan.overInvalidated());
        assertTrue(plan.collapsed());
    }

    @Test
    void aDirectoryWildcardDoesNotCoverTheDirectoryWithoutItsSlash() throws UserFixableException {
        List<String> changed = List.of("/docs/index.html", "/docs/", "/docs", "/docs/a.html");
        Plan plan = plan(changed, Map.of("/docs/", 5L, "/", 7L), 2, 15);
        assertEquals(Set.of("/docs/*", "/docs"), Set.copyOf(plan.paths()));
        assertEquals(5, plan.overInvalidated());
        Plan.Entry wildcard =
                plan.entries().stream().filter(Plan.Entry::wildcard).findFirst().orElseThrow();
        assertEquals(3, wildcard.changed());
        assertEquals(5, wildcard.unchanged());
    }

    @Test
    void respectsTheWildcardBudget() throws UserFixableException {
        List<String> changed = List.of("/a/1", "/a/2", "/b/1", "/b/2", "/c/1", "/c/2");
        Plan one = plan(changed, Map.of("/a/", 1L, "/b/", 1L, "/c/", 1L, "/", 50L), 5, 1);
        assertEquals(1, one.wildcards());
        assertEquals(5, one.paths().size());
        Plan rootOnly = plan(changed, Map.of("/a/", 1L, "/b/", 1L, "/c/", 1L, "/", 50L), 2, 1);
        assertEquals(List.of("/*"), rootOnly.paths());
        assertEquals(53, rootOnly.overInvalidated());
    }

    @Test
    void withoutWildcardsATooLargeSetIsAnError() {
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> plan(List.of("/a", "/b", "/c"), Map.of(), 2, 0));
        assertTrue(e.getMessage().startsWith("3 paths cannot fit into one batch of at most 2 paths"), e.getMessage());
    }

    @Test
    void keepsTheWildcardsTheUserGave() throws UserFixableException {
        List<String> changed = List.of("/img/*", "/img/a.png", "/x/1", "/x/2", "/x/3");
        Plan plan = plan(changed, Map.of("/img/", 10L, "/x/", 2L), 2, 2);
        assertEquals(Set.of("/img/*", "/x/*"), Set.copyOf(plan.paths()));
        assertEquals(12, plan.overInvalidated());
        assertThrows(UserFixableException.class, () -> plan(List.of("/a/*", "/b/*"), Map.of(), 5, 1));
    }

    @Test
    void withoutAManifestItChoosesTheNarrowestWildcardsAndSaysItCouldNotCount() throws UserFixableException {
        List<String> changed = List.of("/a/b/c/1", "/a/b/c/2", "/a/b/c/3", "/a/x/1");
        Plan plan = CoverPlanner.plan(changed, Optional.empty(), Budget.of(2, 15));
        assertEquals(Set.of("/a/b/c/*", "/a/x/1"), Set.copyOf(plan.paths()));
        assertFalse(plan.countKnown());
        assertEquals(
                -1,
                plan.entries().stream()
                        .filter(Plan.Entry::wildcard)
                        .findFirst()
                        .orElseThrow()
                        .unchanged());
    }

    @Test
    void refusesBudgetsBeyondCloudFrontsLimits() {
        assertThrows(UserFixableException.class, () -> Budget.of(0, 1));
        assertThrows(UserFixableException.class, () -> Budget.of(3001, 1));
        assertTrue(assertThrows(UserFixableException.class, () -> Budget.of(100, 16))
                .getMessage()
                .startsWith("<maxWildcards> (cloudfront.maxWildcards) is 16"));
    }

    /** A random site: files in random directories, some changed, with index aliases. */
    private record Case(List<String> changed, Map<String, Long> unchanged, Set<String> directories) {}

    private static Case randomCase(Random random) {
        Set<String> directories = new TreeSet<>(List.of("/"));
        List<String> dirs = new ArrayList<>(List.of("/"));
        int dirCount = 1 + random.nextInt(7);
        for (int i = 0; i < dirCount; i++) {
            String parent = dirs.get(random.nextInt(dirs.size()));
            String dir = parent + "abc".charAt(random.nextInt(3)) + i + "/";
            dirs.add(dir);
            directories.add(dir);
        }
        Set<String> changed = new LinkedHashSet<>();
        Map<String, Long> unchanged = new HashMap<>();
        for (String dir : dirs) {
            int files = random.nextInt(5);
            for (int f = 0; f < files; f++) {
                String name = f == 0 ? "index.html" : "f" + f;
                if (random.nextInt(3) == 0) {
                    changed.add(dir + name);
                    if (name.equals("index.html")) {
                        changed.add(dir);
                        if (!dir.equals("/")) {
                            changed.add(dir.substring(0, dir.length() - 1));
                        }
                    }
                } else {
                    unchanged.merge(dir, 1L, Long::sum);
                }
            }
        }
        return new Case(new ArrayList<>(changed), unchanged, directories);
    }

    /** Every antichain of at most maxWildcards directories: the best cover by (unchanged invalidated, paths). */
    private static long[] bruteForce(Case c, int maxPaths, int maxWildcards) {
        List<String> dirs = new ArrayList<>(c.directories());
        long[] best = null;
        for (int mask = 0; mask < (1 << dirs.size()); mask++) {
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < dirs.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    chosen.add(dirs.get(i));
                }
            }
            if (chosen.size() > maxWildcards) {
                continue;
            }
            long uncovered = c.changed().stream()
                    .filter(p -> chosen.stream().noneMatch(p::startsWith))
                    .count();
            long paths = uncovered + chosen.size();
            if (paths > maxPaths) {
                continue;
            }
            long cost = 0;
            for (String dir : chosen) {
                cost += c.unchanged().entrySet().stream()
                        .filter(e -> e.getKey().startsWith(dir))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
            }
            if (best == null || cost < best[0] || (cost == best[0] && paths < best[1])) {
                best = new long[] {cost, paths};
            }
        }
        return best;
    }

    @Test
    void matchesBruteForceOnManyRandomSitesAndBudgets() throws UserFixableException {
        Random random = new Random(20261120);
        int compared = 0;
        for (int trial = 0; trial < 3000; trial++) {
            Case c = randomCase(random);
            if (c.changed().isEmpty()) {
                continue;
            }
            int maxPaths = 1 + random.nextInt(c.changed().size() + 1);
            int maxWildcards = random.nextInt(4);
            long[] expected = bruteForce(c, maxPaths, maxWildcards);
            if (c.changed().size() <= maxPaths) {
                Plan plan = plan(c.changed(), c.unchanged(), maxPaths, maxWildcards);
                assertEquals(c.changed(), plan.paths());
                continue;
            }
            if (expected == null) {
                assertThrows(
                        UserFixableException.class, () -> plan(c.changed(), c.unchanged(), maxPaths, maxWildcards));
                continue;
            }
            Plan plan = plan(c.changed(), c.unchanged(), maxPaths, maxWildcards);
            String context = c + " maxPaths=" + maxPaths + " maxWildcards=" + maxWildcards + " plan=" + plan.paths();
            assertOptimalCover(c, plan.paths(), expected, maxWildcards, context);
            compared++;
        }
        assertTrue(compared > 500, "only " + compared + " cases needed collapsing");
    }

    /**
     * Checks a batch from its paths alone, not from the planner's own accounting: it covers every changed path, sends
     * nothing but changed paths and wildcards, keeps to the wildcard budget, and invalidates exactly as few unchanged
     * objects, with as few paths, as the brute-force optimum.
     */
    private static void assertOptimalCover(
            Case c, List<String> batch, long[] expected, int maxWildcards, String context) {
        List<String> prefixes = batch.stream()
                .filter(p -> p.endsWith("*"))
                .map(p -> p.substring(0, p.length() - 1))
                .toList();
        assertTrue(prefixes.size() <= maxWildcards, context);
        for (String path : c.changed()) {
            assertTrue(
                    batch.contains(path) || prefixes.stream().anyMatch(path::startsWith),
                    path + " is not covered: " + context);
        }
        for (String path : batch) {
            assertTrue(path.endsWith("*") || c.changed().contains(path), path + " was never asked for: " + context);
        }
        long unchangedInvalidated = c.unchanged().entrySet().stream()
                .filter(e -> prefixes.stream().anyMatch(e.getKey()::startsWith))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertEquals(expected[0], unchangedInvalidated, context);
        assertEquals(expected[1], batch.size(), context);
    }

    @Test
    void tagsStayUntouchedUnderEveryBudget() throws UserFixableException {
        Random random = new Random(20261130);
        int withPaths = 0;
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            Case c = randomCase(random);
            List<String> tags = new ArrayList<>();
            int tagCount = random.nextInt(5);
            for (int t = 0; t < tagCount; t++) {
                tags.add("#Tag-" + t + (random.nextBoolean() ? ":v" : ""));
            }
            List<String> items = new ArrayList<>(c.changed());
            for (String tag : tags) {
                items.add(random.nextInt(items.size() + 1), tag);
            }
            if (items.isEmpty()) {
                continue;
            }
            int maxPaths = 1 + random.nextInt(items.size() + 1);
            int maxWildcards = random.nextInt(4);
            String context = items + " maxPaths=" + maxPaths + " maxWildcards=" + maxWildcards;
            int pathsLeft = maxPaths - tags.size();
            if (pathsLeft < 0 || (pathsLeft == 0 && !c.changed().isEmpty())) {
                UserFixableException e = assertThrows(
                        UserFixableException.class, () -> plan(items, c.unchanged(), maxPaths, maxWildcards), context);
                assertTrue(e.getMessage().contains("Raise <maxPaths> to at least"), e.getMessage());
                refused++;
                continue;
            }
            long[] expected = c.changed().isEmpty() ? new long[] {0, 0} : bruteForce(c, pathsLeft, maxWildcards);
            if (expected == null) {
                assertThrows(UserFixableException.class, () -> plan(items, c.unchanged(), maxPaths, maxWildcards));
                continue;
            }
            Plan plan = plan(items, c.unchanged(), maxPaths, maxWildcards);
            context += " plan=" + plan.paths();
            assertEquals(
                    items.stream().filter(p -> p.startsWith("#")).toList(),
                    plan.paths().stream().filter(p -> p.startsWith("#")).toList(),
                    context);
            assertEquals(tags.size(), plan.tags(), context);
            assertTrue(plan.paths().size() <= maxPaths, context);
            List<String> paths =
                    plan.paths().stream().filter(p -> !p.startsWith("#")).toList();
            if (c.changed().size() <= pathsLeft) {
                assertEquals(c.changed(), paths, context);
            } else {
                assertOptimalCover(c, paths, expected, maxWildcards, context);
                withPaths++;
            }
        }
        assertTrue(withPaths > 300 && refused > 100, withPaths + " collapsed with tags, " + refused + " refused");
    }

    @Test
    void tagsAloneBeyondMaxPathsFailSayingWhatToRaise() {
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> plan(List.of("#a", "#b", "#c", "/x"), Map.of(), 2, 15));
        assertEquals(
                "The batch has 3 cache tags and paths besides, but <maxPaths> (cloudfront.maxPaths) is 2 and each tag"
                        + " counts as one path; tags are never collapsed. Raise <maxPaths> to at least 4, or invalidate"
                        + " fewer tags.",
                e.getMessage());
    }

    @Test
    void tagsNeverCountAsWildcards() throws UserFixableException {
        Plan plan = plan(List.of("#a", "#b", "/d/1", "/d/2", "/d/3"), Map.of("/d/", 0L, "/", 5L), 3, 1);
        assertEquals(List.of("#a", "#b", "/d/*"), plan.paths());
        assertEquals(1, plan.wildcards());
        assertEquals(2, plan.tags());
    }
}
