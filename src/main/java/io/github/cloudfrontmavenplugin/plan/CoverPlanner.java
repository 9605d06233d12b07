package io.github.cloudfrontmavenplugin.plan;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.paths.CacheTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fits a set of changed paths into one batch within a budget of paths and wildcards, invalidating as few unchanged
 * objects as possible, ties going to fewer paths; exactly, not greedily.
 *
 * <p>A cover is a set of directory wildcards ({@code /dir/*}, which covers {@code /dir/} and everything below but not
 * {@code /dir}) plus the changed paths they leave uncovered, sent as they are. Nested wildcards are never useful, so
 * the wildcards form an antichain of directories. For each directory the dynamic programme keeps, per number of
 * wildcards used below it, the Pareto front of (changed paths left uncovered, unchanged objects invalidated), capped by
 * the budget; children are combined by min-plus convolution, and a directory adds the option of its own wildcard. The
 * best entry at the root is optimal, and the cover is rebuilt top-down by finding, child by child, the entries that
 * sum to it. The work is about linear in the number of directories for a fixed budget.
 *
 * <p>Wildcards the user gave are kept as they are and count against the budget; what they cover needs nothing else.
 * Cache tags ({@code #product:tv}) are fixed items too: never collapsed, never dropped, each counting as one path
 * (never a wildcard), so the paths are planned within what the tags leave of the budget.
 */
public final class CoverPlanner {
    private static final long NONE = Long.MAX_VALUE;

    private final int maxPaths;
    private final int maxWildcards;

    private CoverPlanner(int maxPaths, int maxWildcards) {
        this.maxPaths = maxPaths;
        this.maxWildcards = maxWildcards;
    }

    /**
     * @param items encoded paths to invalidate, duplicates removed: changed objects, their aliases, any wildcards the
     *     user gave, and cache tags
     * @param unchangedByDirectory for each directory (an encoded URL prefix ending in {@code /}), how many deployed
     *     objects directly in it did not change; empty when unknown (no manifest), in which case each directory a
     *     wildcard spans counts as one, so the narrowest wildcards that fit are chosen
     */
    public static Plan plan(List<String> items, Optional<Map<String, Long>> unchangedByDirectory, Budget budget)
            throws UserFixableException {
        List<String> tags = items.stream().filter(CacheTag::isTag).toList();
        if (tags.isEmpty()) {
            return planPaths(items, unchangedByDirectory, budget);
        }
        List<String> changed =
                items.stream().filter(item -> !CacheTag.isTag(item)).toList();
        int pathsLeft = budget.maxPaths() - tags.size();
        if (pathsLeft < 0 || (pathsLeft == 0 && !changed.isEmpty())) {
            throw new UserFixableException("The batch has " + tags.size()
                    + (tags.size() == 1 ? " cache tag" : " cache" + " tags")
                    + (changed.isEmpty() ? "" : " and paths besides") + ", but <maxPaths>"
                    + " (cloudfront.maxPaths) is " + budget.maxPaths() + " and each tag counts as one path; tags are"
                    + " never collapsed. Raise <maxPaths> to at least " + (tags.size() + (changed.isEmpty() ? 0 : 1))
                    + ", or invalidate fewer tags.");
        }
        List<Plan.Entry> entries = new ArrayList<>();
        tags.forEach(tag -> entries.add(new Plan.Entry(tag, 1, 0)));
        if (changed.isEmpty()) {
            return new Plan(entries, unchangedByDirectory.isPresent(), false);
        }
        Plan paths = planPaths(changed, unchangedByDirectory, new Budget(pathsLeft, budget.maxWildcards()));
        entries.addAll(paths.entries());
        return new Plan(entries, paths.countKnown(), paths.collapsed());
    }

    private static Plan planPaths(List<String> changed, Optional<Map<String, Long>> unchangedByDirectory, Budget budget)
            throws UserFixableException {
        List<String> given = changed.stream().filter(p -> p.endsWith("*")).toList();
        if (given.size() > budget.maxWildcards()) {
            throw new UserFixableException("The paths include " + given.size() + " wildcards, more than <maxWildcards>"
                    + " (cloudfront.maxWildcards) " + budget.maxWildcards() + ". Give fewer wildcards or raise it.");
        }
        Tree tree = Tree.build(changed, given, unchangedByDirectory);
        if (changed.size() <= budget.maxPaths()) {
            return tree.asGiven();
        }
        int pathsLeft = budget.maxPaths() - given.size();
        int wildcardsLeft = budget.maxWildcards() - given.size();
        if (pathsLeft < 0) {
            throw new UserFixableException("The paths include " + given.size() + " wildcards, more than <maxPaths>"
                    + " (cloudfront.maxPaths) " + budget.maxPaths() + ".");
        }
        CoverPlanner planner = new CoverPlanner(pathsLeft, wildcardsLeft);
        Table table = planner.solve(tree.root);
        int[] best = planner.best(table);
        if (best == null) {
            throw new UserFixableException(changed.size() + " paths cannot fit into one batch of at most "
                    + budget.maxPaths() + " paths with " + wildcardsLeft + " wildcards to spare. Raise <maxPaths>"
                    + " (cloudfront.maxPaths) or <maxWildcards> (cloudfront.maxWildcards).");
        }
        List<Node> wildcards = new ArrayList<>();
        planner.choose(tree.root, best[0], best[1], table.cost[best[0]][best[1]], wildcards);
        return tree.plan(wildcards, true);
    }

    /** The directory tree of the changed paths, with the counts the programme needs. */
    private static final class Tree {
        final Node root = new Node("/");
        final Map<String, Node> byPrefix = new HashMap<>();
        final boolean countKnown;
        final List<String> changed;
        final List<String> given;
        final Set<String> uncovered = new LinkedHashSet<>();

        private Tree(List<String> changed, List<String> given, boolean countKnown) {
            this.changed = changed;
            this.given = given;
            this.countKnown = countKnown;
            byPrefix.put("/", root);
        }

        static Tree build(List<String> changed, List<String> given, Optional<Map<String, Long>> unchanged) {
            Tree tree = new Tree(changed, given, unchanged.isPresent());
            for (String path : changed) {
                if (path.endsWith("*") || coveredByAWildcard(path, given)) {
                    continue;
                }
                tree.uncovered.add(path);
                tree.node(path.substring(0, path.lastIndexOf('/') + 1)).direct++;
            }
            if (unchanged.isPresent()) {
                unchanged.get().forEach((directory, count) -> tree.node(directory).unchangedDirect += count);
            }
            tree.root.sum(tree.countKnown);
            return tree;
        }

        // A loop, not a stream: it runs once per path, mostly before the JIT compiled anything.
        private static boolean coveredByAWildcard(String path, List<String> wildcards) {
            for (String wildcard : wildcards) {
                if (path.startsWith(wildcard.substring(0, wildcard.length() - 1))) {
                    return true;
                }
            }
            return false;
        }

        Node node(String prefix) {
            Node node = byPrefix.get(prefix);
            if (node != null) {
                return node;
            }
            String withoutSlash = prefix.substring(0, prefix.length() - 1);
            Node parent = node(withoutSlash.substring(0, withoutSlash.lastIndexOf('/') + 1));
            node = new Node(prefix);
            parent.children.add(node);
            byPrefix.put(prefix, node);
            return node;
        }

        /** The paths as they came, in their order. */
        Plan asGiven() {
            List<Plan.Entry> entries = new ArrayList<>();
            for (String path : changed) {
                if (path.endsWith("*")) {
                    entries.add(wildcardEntry(path));
                } else {
                    entries.add(new Plan.Entry(path, 1, 0));
                }
            }
            return new Plan(entries, countKnown, false);
        }

        Plan.Entry wildcardEntry(String wildcard) {
            String prefix = wildcard.substring(0, wildcard.length() - 1);
            int covered = (int) changed.stream()
                    .filter(p -> !p.endsWith("*") && p.startsWith(prefix))
                    .count();
            Node node = prefix.endsWith("/") ? byPrefix.get(prefix) : null;
            return new Plan.Entry(wildcard, covered, countKnown && node != null ? node.unchanged : -1);
        }

        Plan plan(List<Node> wildcards, boolean collapsed) {
            List<Plan.Entry> entries = new ArrayList<>();
            for (String wildcard : given) {
                entries.add(wildcardEntry(wildcard));
            }
            List<String> prefixes = new ArrayList<>();
            List<Node> ordered = new ArrayList<>(wildcards);
            ordered.sort(Comparator.comparing(node -> node.prefix));
            for (Node node : ordered) {
                entries.add(new Plan.Entry(node.prefix + "*", node.total, countKnown ? node.unchanged : -1));
                prefixes.add(node.prefix);
            }
            for (String path : uncovered) {
                if (prefixes.stream().noneMatch(path::startsWith)) {
                    entries.add(new Plan.Entry(path, 1, 0));
                }
            }
            return new Plan(entries, countKnown, collapsed);
        }
    }

    /** A directory: the changed paths directly in it and below it, and the unchanged objects below it. */
    private static final class Node {
        final String prefix;
        final List<Node> children = new ArrayList<>();
        int direct;
        int total;
        long unchangedDirect;
        long unchanged;
        /** This directory's entries, kept from the forward pass for rebuilding the cover. */
        Table table;

        Node(String prefix) {
            this.prefix = prefix;
        }

        void sum(boolean countKnown) {
            total = direct;
            // Without a manifest, a wildcard is charged one per directory it spans: the narrowest that fit win.
            unchanged = countKnown ? unchangedDirect : 1;
            for (Node child : children) {
                child.sum(countKnown);
                total += child.total;
                unchanged += child.unchanged;
            }
        }
    }

    /**
     * For k wildcards and u changed paths left uncovered, the fewest unchanged objects invalidated ({@link #NONE}
     * where impossible or dominated), for u up to the budget.
     */
    private static final class Table {
        final long[][] cost;

        Table(int wildcards, int uncovered) {
            cost = new long[wildcards + 1][uncovered + 1];
            for (long[] row : cost) {
                Arrays.fill(row, NONE);
            }
        }

        int maxWildcards() {
            return cost.length - 1;
        }

        int maxUncovered() {
            return cost[0].length - 1;
        }

        /** Drops entries that another with no more uncovered paths beats or matches on cost. */
        Table prune() {
            for (long[] row : cost) {
                long best = NONE;
                for (int u = 0; u < row.length; u++) {
                    if (row[u] < best) {
                        best = row[u];
                    } else {
                        row[u] = NONE;
                    }
                }
            }
            return this;
        }
    }

    private Table identity() {
        Table table = new Table(0, 0);
        table.cost[0][0] = 0;
        return table;
    }

    private Table solve(Node node) {
        Table combined = identity();
        for (Node child : node.children) {
            if (child.total > 0) {
                combined = convolve(combined, solve(child));
            }
        }
        Table table = shift(combined, node.direct, node.total);
        if (node.total >= 2 && maxWildcards >= 1 && maxPaths >= 1 && table.maxWildcards() < 1) {
            table = widen(table, 1);
        }
        if (node.total >= 2 && maxWildcards >= 1 && maxPaths >= 1 && node.unchanged < table.cost[1][0]) {
            table.cost[1][0] = node.unchanged;
        }
        node.table = table.prune();
        return node.table;
    }

    private Table widen(Table table, int wildcards) {
        Table wider = new Table(wildcards, table.maxUncovered());
        for (int k = 0; k <= table.maxWildcards(); k++) {
            System.arraycopy(table.cost[k], 0, wider.cost[k], 0, table.cost[k].length);
        }
        return wider;
    }

    private Table shift(Table table, int direct, int total) {
        Table shifted = new Table(table.maxWildcards(), Math.min(maxPaths, total));
        for (int k = 0; k <= table.maxWildcards(); k++) {
            for (int u = 0; u <= table.maxUncovered(); u++) {
                long cost = table.cost[k][u];
                if (cost != NONE && u + direct + k <= maxPaths) {
                    shifted.cost[k][u + direct] = cost;
                }
            }
        }
        return shifted;
    }

    private Table convolve(Table a, Table b) {
        int wildcards = Math.min(maxWildcards, a.maxWildcards() + b.maxWildcards());
        Table result = new Table(wildcards, Math.min(maxPaths, a.maxUncovered() + b.maxUncovered()));
        for (int ka = 0; ka <= a.maxWildcards(); ka++) {
            long[] rowA = a.cost[ka];
            for (int ua = 0; ua < rowA.length; ua++) {
                if (rowA[ua] == NONE) {
                    continue;
                }
                for (int kb = 0; kb <= b.maxWildcards() && ka + kb <= wildcards; kb++) {
                    long[] rowB = b.cost[kb];
                    long[] out = result.cost[ka + kb];
                    int limit = Math.min(rowB.length - 1, maxPaths - ka - kb - ua);
                    for (int ub = 0; ub <= limit; ub++) {
                        if (rowB[ub] != NONE) {
                            long cost = rowA[ua] + rowB[ub];
                            if (cost < out[ua + ub]) {
                                out[ua + ub] = cost;
                            }
                        }
                    }
                }
            }
        }
        return result.prune();
    }

    /** The root entry with the fewest unchanged objects, then the fewest paths, then the fewest wildcards. */
    private int[] best(Table root) {
        int[] best = null;
        for (int k = 0; k <= root.maxWildcards(); k++) {
            for (int u = 0; u <= root.maxUncovered(); u++) {
                long cost = root.cost[k][u];
                if (cost == NONE || u + k > maxPaths) {
                    continue;
                }
                if (best == null
                        || cost < root.cost[best[0]][best[1]]
                        || (cost == root.cost[best[0]][best[1]] && u + k < best[0] + best[1])) {
                    best = new int[] {k, u};
                }
            }
        }
        return best;
    }

    /** Finds the wildcards below {@code node} that make its entry (k, u, cost). */
    private void choose(Node node, int k, int u, long cost, List<Node> wildcards) {
        if (k == 0) {
            return;
        }
        if (k == 1 && u == 0 && cost == node.unchanged && node.total >= 2) {
            wildcards.add(node);
            return;
        }
        List<Node> children = node.children.stream().filter(c -> c.total > 0).toList();
        List<Table> prefixes = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        Table combined = identity();
        for (Node child : children) {
            prefixes.add(combined);
            tables.add(child.table);
            combined = convolve(combined, child.table);
        }
        int uLeft = u - node.direct;
        long costLeft = cost;
        int kLeft = k;
        for (int i = children.size() - 1; i >= 0; i--) {
            Table table = tables.get(i);
            Table before = prefixes.get(i);
            int[] split = split(table, before, kLeft, uLeft, costLeft);
            choose(children.get(i), split[0], split[1], table.cost[split[0]][split[1]], wildcards);
            kLeft -= split[0];
            uLeft -= split[1];
            costLeft -= table.cost[split[0]][split[1]];
        }
    }

    private static int[] split(Table child, Table before, int k, int u, long cost) {
        for (int kc = 0; kc <= Math.min(k, child.maxWildcards()); kc++) {
            int kb = k - kc;
            if (kb > before.maxWildcards()) {
                continue;
            }
            for (int uc = 0; uc <= Math.min(u, child.maxUncovered()); uc++) {
                long c = child.cost[kc][uc];
                int ub = u - uc;
                if (c != NONE
                        && ub <= before.maxUncovered()
                        && before.cost[kb][ub] != NONE
                        && before.cost[kb][ub] + c == cost) {
                    return new int[] {kc, uc};
                }
            }
        }
        throw new IllegalStateException("no split of (" + k + ", " + u + ", " + cost + ") among the children");
    }
}
