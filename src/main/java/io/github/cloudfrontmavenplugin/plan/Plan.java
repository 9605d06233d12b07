package io.github.cloudfrontmavenplugin.plan;

import io.github.cloudfrontmavenplugin.paths.CacheTag;
import java.util.List;

/**
 * The batch the planner chose, and what each path costs.
 *
 * @param countKnown whether unchanged objects could be counted (a manifest was there); without one, the plan is the
 *     fit with the deepest wildcards and its over-invalidation is unknown
 * @param collapsed whether paths were replaced by wildcards to fit the budget
 */
public record Plan(List<Entry> entries, boolean countKnown, boolean collapsed) {
    /**
     * One path of the batch.
     *
     * @param changed how many changed paths it covers
     * @param unchanged how many deployed objects that did not change it invalidates anyway; -1 when unknown
     */
    public record Entry(String path, int changed, long unchanged) {
        public boolean wildcard() {
            return path.endsWith("*");
        }

        public boolean tag() {
            return CacheTag.isTag(path);
        }
    }

    public Plan {
        entries = List.copyOf(entries);
    }

    public List<String> paths() {
        return entries.stream().map(Entry::path).toList();
    }

    public long overInvalidated() {
        return entries.stream().mapToLong(e -> Math.max(0, e.unchanged())).sum();
    }

    public long wildcards() {
        return entries.stream().filter(Entry::wildcard).count();
    }

    public long tags() {
        return entries.stream().filter(Entry::tag).count();
    }
}
