package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Sizes;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deploy's short report in Markdown, for where people look: GitHub's job summary, or a file that a pipeline posts on
 * a pull request. It says what changed at the origin (with bytes), the invalidation (ID, distribution or tenant, path
 * count, cost estimate and the paths, folded away past {@value #PATHS_SHOWN}), and the time taken. A dry run's report
 * says what the deploy would do; a failed deploy's says why it failed.
 *
 * @param goal {@code cloudfront:sync} or {@code cloudfront:invalidate}
 * @param published what each site's publish did (or would do), for a sync
 * @param batch the batch as planned; empty when the deploy failed before it was planned
 * @param invalidations the invalidations created, one per distribution or tenant
 * @param failure the message of the failure that ended the deploy
 */
record DeployReport(
        String goal,
        boolean dryRun,
        List<PublishSite.Published> published,
        Optional<Batch> batch,
        List<InvalidationInfo> invalidations,
        Duration took,
        Optional<String> failure) {
    /** Past this many paths, the list is folded in a {@code <details>} element. */
    static final int PATHS_SHOWN = 20;

    DeployReport {
        published = List.copyOf(published);
        invalidations = List.copyOf(invalidations);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        String outcome = failure.isPresent() ? "failed" : dryRun ? "what this deploy would do (dry run)" : "deployed";
        md.append("### ").append(goal).append(": ").append(outcome).append("\n\n");
        failure.ifPresent(message -> md.append("> ")
                .append(escape(message.lines().findFirst().orElse("")))
                .append("\n\n"));
        if (!published.isEmpty()) {
            publishTable(md);
        }
        batch.ifPresent(planned -> invalidation(md, planned));
        md.append(String.format(Locale.ROOT, "Took %.1f s.%n", took.toMillis() / 1000.0));
        return md.toString();
    }

    private void publishTable(StringBuilder md) {
        long uploaded =
                published.stream().mapToLong(PublishSite.Published::uploaded).sum();
        long bytes = published.stream().mapToLong(PublishSite.Published::bytes).sum();
        long headers = published.stream()
                .mapToLong(PublishSite.Published::headersUpdated)
                .sum();
        long deleted =
                published.stream().mapToLong(PublishSite.Published::deleted).sum();
        long unchanged =
                published.stream().mapToLong(PublishSite.Published::unchanged).sum();
        String where = String.join(
                ", ", published.stream().map(p -> "`" + p.location() + "`").toList());
        md.append(dryRun ? "Would publish to " : "Published to ").append(where).append(":\n\n");
        md.append("| | objects | bytes |\n|---|---:|---:|\n");
        md.append("| ").append(dryRun ? "to upload" : "uploaded").append(" | ").append(Sizes.count(uploaded));
        md.append(" | ").append(Sizes.bytes(bytes)).append(" |\n");
        md.append("| ").append(dryRun ? "headers to update" : "headers updated").append(" | ");
        md.append(Sizes.count(headers)).append(" | |\n");
        md.append("| ").append(dryRun ? "to delete" : "deleted").append(" | ").append(Sizes.count(deleted));
        md.append(" | |\n");
        md.append("| unchanged | ").append(Sizes.count(unchanged)).append(" | |\n\n");
    }

    private void invalidation(StringBuilder md, Batch planned) {
        List<String> paths = planned.paths();
        if (paths.isEmpty()) {
            md.append("Nothing to invalidate.\n\n");
            return;
        }
        int perTarget = paths.size();
        if (invalidations.isEmpty()) {
            md.append(dryRun || failure.isEmpty() ? "Would invalidate " : "Did not invalidate ")
                    .append(Batch.count(perTarget))
                    .append(" on ")
                    .append(DistributionIds.describe(planned.distributionIds()))
                    .append(".\n\n");
        } else {
            md.append("| invalidation | on | paths | status |\n|---|---|---:|---|\n");
            for (InvalidationInfo invalidation : invalidations) {
                md.append("| `").append(invalidation.id()).append("` | ");
                md.append(invalidation.target().describe()).append(" | ");
                md.append(Sizes.count(invalidation.paths().size())).append(" | ");
                md.append(invalidation.status()).append(" |\n");
            }
            md.append('\n');
        }
        int targets = Math.max(invalidations.size(), planned.distributionIds().size());
        md.append(PlanInvalidation.costEstimate(perTarget * targets)).append(".\n\n");
        if (paths.size() > PATHS_SHOWN) {
            md.append("<details><summary>").append(Batch.count(paths.size())).append("</summary>\n\n");
            appendPaths(md, paths);
            md.append("\n</details>\n\n");
        } else {
            appendPaths(md, paths);
            md.append('\n');
        }
    }

    private static void appendPaths(StringBuilder md, List<String> paths) {
        for (String path : paths) {
            md.append("- `").append(path.replace("`", "%60")).append("`\n");
        }
    }

    /** A message as plain text in Markdown: nothing in it becomes markup or HTML. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]<>()#+-.!|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
