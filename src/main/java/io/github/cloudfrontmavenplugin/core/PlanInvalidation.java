package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.paths.InvalidationPaths;
import io.github.cloudfrontmavenplugin.plan.CoverPlanner;
import io.github.cloudfrontmavenplugin.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deploy's step that fits the paths it was given and the URLs its sites changed into the one batch, within the
 * budget and at the least over-invalidation, and tells the user what it chose (and, in a dry run, what it would send).
 */
final class PlanInvalidation {
    /** The batch, the plan that chose it, and how many paths it stands for. */
    record Planned(Batch batch, Plan plan, int requested) {}

    private final Progress progress;

    PlanInvalidation(Progress progress) {
        this.progress = progress;
    }

    Planned run(BatchSettings batch, SiteChanges changes) throws UserFixableException {
        List<String> all = new ArrayList<>(batch.explicitPaths());
        all.addAll(changes.urls());
        String what = changes.urls().isEmpty()
                ? batch.source()
                : batch.explicitPaths().isEmpty()
                        ? "the changes in <directory>"
                        : batch.source() + " with the changes in <directory>";
        List<String> paths = InvalidationPaths.normalised(all, what).asList();
        Plan plan = CoverPlanner.plan(paths, changes.unchanged(), batch.budget());
        Planned planned = new Planned(
                new Batch(batch.distributionIds(), plan.paths(), batch.callerReference()), plan, paths.size());
        if (planned.batch().paths().isEmpty()) {
            progress.info("Nothing to invalidate on " + DistributionIds.describe(batch.distributionIds())
                    + (changes.diffs().isEmpty() ? ": no paths were given." : ": nothing changed."));
            return planned;
        }
        boolean compared =
                changes.diffs().stream().anyMatch(diff -> diff.result().isPresent());
        if (plan.collapsed() || compared || batch.dryRun()) {
            report(planned);
        }
        if (batch.dryRun()) {
            reportDryRun(planned.batch(), batch.allTenants());
        }
        return planned;
    }

    private void report(Planned planned) {
        Plan plan = planned.plan();
        String overInvalidated = plan.countKnown()
                ? plan.overInvalidated() + " unchanged objects invalidated too"
                : plan.collapsed()
                        ? "unchanged objects could not be counted (no manifest), so the narrowest wildcards that fit"
                                + " were chosen"
                        : "sent as they are";
        String tags = plan.tags() == 0 ? "" : ", " + plan.tags() + (plan.tags() == 1 ? " cache tag" : " cache tags");
        progress.info("Invalidation plan: " + Batch.count(plan.entries().size()) + " (" + plan.wildcards()
                + (plan.wildcards() == 1 ? " wildcard" : " wildcards") + tags + ") for " + planned.requested()
                + (planned.requested() == 1 ? " path" : " paths") + "; " + overInvalidated);
        int width =
                plan.entries().stream().mapToInt(e -> e.path().length()).max().orElse(0);
        for (Plan.Entry entry : plan.entries()) {
            String covers = entry.wildcard()
                    ? "covers " + entry.changed() + " changed, "
                            + (entry.unchanged() < 0 ? "unknown" : Long.toString(entry.unchanged())) + " unchanged"
                    : entry.tag() ? "cache tag, sent as written" : "";
            progress.info(
                    "  " + String.format("%-" + width + "s", entry.path()) + (covers.isEmpty() ? "" : "  " + covers));
        }
        int paths = plan.entries().size() * planned.batch().distributionIds().size();
        progress.info(costEstimate(paths));
    }

    /** What {@code paths} invalidation paths cost at most, for the log and the report. */
    static String costEstimate(int paths) {
        return String.format(
                Locale.ROOT,
                "Cost estimate: %s at USD 0.005 each beyond the account's 1,000 free paths a month: at most USD %.3f"
                        + " (nothing while the free paths last)",
                Batch.count(paths),
                paths * 0.005);
    }

    private void reportDryRun(Batch batch, boolean allTenants) {
        progress.info("Dry run: would invalidate " + Batch.count(batch.paths().size()) + " on "
                + (allTenants ? "every distribution tenant of " : "")
                + DistributionIds.describe(batch.distributionIds())
                + "; nothing is sent to CloudFront. The batch:");
        for (String line : Json.write(InvalidationInfo.batchShape(batch.paths(), batch.callerReference()))
                .split("\n")) {
            progress.info(line);
        }
    }
}
