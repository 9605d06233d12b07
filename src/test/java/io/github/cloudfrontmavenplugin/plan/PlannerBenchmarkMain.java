package io.github.cloudfrontmavenplugin.plan;

import io.github.cloudfrontmavenplugin.HeapAfterGc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The planner's benchmark and comparison, for bench/planner.sh: deployed sites of 250,000 to 1,000,000 objects in a
 * tree five directories deep (5 branches a level, 3,125 leaf directories), with 10% of the objects changed at random
 * ("scattered"), 5% changed inside one top-level directory ("one subtree"), or 10 whole leaf directories rewritten
 * and 50 files changed elsewhere ("clustered", like regenerated sections of a documentation site); budgets of 15, 100 and 3,000 paths
 * (at most 15 wildcards). Prints markdown tables: the planner's time (median of {@code -Dplanner.runs}, 3 by default,
 * after a warm-up) and the most heap
 * held after a garbage collection, then, for 1,000,000 objects, its plan beside sending every path, {@code /*} and
 * s3deploy's rule.
 */
public final class PlannerBenchmarkMain {
    private static final int BRANCHES = 5;
    private static final int DEPTH = 5;
    private static final int[] BUDGETS = {15, 100, 3000};

    private PlannerBenchmarkMain() {}

    /** A generated change set: the changed paths and the unchanged objects per directory. */
    record Site(String name, int objects, List<String> changed, Map<String, Long> unchanged) {}

    /** How the changes are spread over the site. */
    enum Spread {
        SCATTERED("scattered"),
        ONE_SUBTREE("one subtree"),
        CLUSTERED("clustered");

        final String label;

        Spread(String label) {
            this.label = label;
        }
    }

    static Site generate(int objects, Spread spread, long seed) {
        Random random = new Random(seed);
        int leaves = (int) Math.pow(BRANCHES, DEPTH);
        int perLeaf = objects / leaves;
        Set<Integer> rewritten = new java.util.HashSet<>();
        while (spread == Spread.CLUSTERED && rewritten.size() < 10) {
            rewritten.add(random.nextInt(leaves));
        }
        double scatteredShare = 50.0 / objects;
        List<String> changed = new ArrayList<>();
        Map<String, Long> unchanged = new HashMap<>();
        for (int leaf = 0; leaf < leaves; leaf++) {
            StringBuilder dir = new StringBuilder("/");
            int rest = leaf;
            int top = 0;
            for (int level = 0; level < DEPTH; level++) {
                int branch = rest % BRANCHES;
                rest /= BRANCHES;
                if (level == 0) {
                    top = branch;
                }
                dir.append("l").append(level).append('-').append(branch).append('/');
            }
            String prefix = dir.toString();
            for (int f = 0; f < perLeaf; f++) {
                boolean isChanged = switch (spread) {
                    case SCATTERED -> random.nextDouble() < 0.10;
                    case ONE_SUBTREE -> top == 0 && random.nextDouble() < 0.05 * BRANCHES;
                    case CLUSTERED -> rewritten.contains(leaf) || random.nextDouble() < scatteredShare;
                };
                if (isChanged) {
                    changed.add(prefix + "page-" + f + ".html");
                } else {
                    unchanged.merge(prefix, 1L, Long::sum);
                }
            }
        }
        return new Site(spread.label, perLeaf * leaves, changed, unchanged);
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("planner.runs", 3);
        HeapAfterGc heapAfterGc = HeapAfterGc.track();
        System.out.println("## Planner: time and heap\n");
        System.out.println("| objects | change set | changed | budget | plan time (median of " + runs
                + ") | heap after GC (max) |");
        System.out.println("|---|---|---|---|---|---|");
        List<Site> largest = new ArrayList<>();
        for (int objects : new int[] {250_000, 500_000, 1_000_000}) {
            for (Spread spread : Spread.values()) {
                Site site = generate(objects, spread, 7);
                if (objects == 1_000_000) {
                    largest.add(site);
                }
                for (int maxPaths : BUDGETS) {
                    Budget budget = new Budget(maxPaths, Math.min(15, maxPaths));
                    CoverPlanner.plan(site.changed(), Optional.of(site.unchanged()), budget);
                    System.gc();
                    heapAfterGc.reset();
                    long[] times = new long[runs];
                    for (int run = 0; run < times.length; run++) {
                        long start = System.nanoTime();
                        CoverPlanner.plan(site.changed(), Optional.of(site.unchanged()), budget);
                        times[run] = System.nanoTime() - start;
                    }
                    Arrays.sort(times);
                    System.out.printf(
                            "| %,d | %s | %,d | %d | %d ms | %d MiB |%n",
                            site.objects(),
                            site.name(),
                            site.changed().size(),
                            maxPaths,
                            times[runs / 2] / 1_000_000,
                            heapAfterGc.maxMiB());
                }
            }
        }
        System.out.println("\n## Compared on the 1,000,000-object change sets\n");
        System.out.println(
                "| change set | strategy | paths | wildcards | within CloudFront's limits | unchanged objects"
                        + " invalidated |");
        System.out.println("|---|---|---|---|---|---|");
        for (Site site : largest) {
            long total = site.objects();
            long changedCount = site.changed().size();
            row(site, "send every path", changedCount, 0, changedCount <= 3000, "0");
            row(site, "`/*`", 1, 1, true, String.format("%,d", total - changedCount));
            List<String> s3deploy = s3deploy(site.changed(), 8);
            long s3deployWildcards =
                    s3deploy.stream().filter(p -> p.endsWith("*")).count();
            row(
                    site,
                    "s3deploy (8-path threshold)",
                    s3deploy.size(),
                    s3deployWildcards,
                    true,
                    String.format("%,d", overInvalidated(s3deploy, site.unchanged())));
            for (int maxPaths : BUDGETS) {
                Plan plan = CoverPlanner.plan(
                        site.changed(), Optional.of(site.unchanged()), new Budget(maxPaths, Math.min(15, maxPaths)));
                row(
                        site,
                        "this planner, maxPaths " + maxPaths,
                        plan.paths().size(),
                        plan.wildcards(),
                        true,
                        String.format("%,d", plan.overInvalidated()));
            }
        }
    }

    private static void row(Site site, String strategy, long paths, long wildcards, boolean fits, String over) {
        System.out.printf(
                "| %s (%,d changed) | %s | %,d | %d | %s | %s |%n",
                site.name(), site.changed().size(), strategy, paths, wildcards, fits ? "yes" : "no", over);
    }

    /**
     * s3deploy's rule: over the threshold, replace the paths of the deepest directory level by that directory's
     * wildcard, level by level, until the set fits; else {@code /*}.
     */
    static List<String> s3deploy(List<String> changed, int threshold) {
        Set<String> paths = new LinkedHashSet<>(changed);
        if (paths.size() <= threshold) {
            return new ArrayList<>(paths);
        }
        int deepest = paths.stream().mapToInt(PlannerBenchmarkMain::depth).max().orElse(0);
        for (int level = deepest; level >= 1; level--) {
            Set<String> next = new LinkedHashSet<>();
            for (String path : paths) {
                next.add(depth(path) >= level ? ancestor(path, level) + "*" : path);
            }
            paths = next;
            if (paths.size() <= threshold) {
                return new ArrayList<>(paths);
            }
        }
        return List.of("/*");
    }

    /** How many directories deep a path's directory is: 0 for {@code /a.html} and {@code /*}. */
    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }

    private static String ancestor(String path, int level) {
        int index = 0;
        for (int i = 0; i <= level; i++) {
            index = path.indexOf('/', index) + 1;
        }
        return path.substring(0, index);
    }

    static long overInvalidated(List<String> paths, Map<String, Long> unchanged) {
        long total = 0;
        for (String path : paths) {
            if (path.endsWith("*")) {
                String prefix = path.substring(0, path.length() - 1);
                total += unchanged.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(prefix))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
            }
        }
        return total;
    }
}
