package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the sites of one batch's modules changed: the URL paths to invalidate, and the comparisons to record once the
 * invalidation is accepted. Filled by the modules' steps, read by {@link PlanInvalidation} and {@link RecordDeploy}.
 */
final class SiteChanges {
    private final List<String> urls = new ArrayList<>();
    private final List<DeployDiff> diffs = new ArrayList<>();
    private final Map<String, Long> unchanged = new HashMap<>();
    private final List<Deliveries.Recording> recordings = new ArrayList<>();
    private boolean unchangedCounted;
    private boolean unchangedKnown = true;

    /** Adds a site's comparison: the URLs it changed, and its unchanged objects where its manifest counts them. */
    void add(DeployDiff diff) throws UserFixableException {
        diffs.add(diff);
        urls.addAll(diff.invalidationPaths());
        unchangedCounted = true;
        Optional<Map<String, Long>> counted = diff.unchangedByUrlDirectory();
        if (counted.isPresent()) {
            addUnchanged(counted.get());
        } else {
            unchangedKnown = false;
        }
    }

    /** Adds unchanged deployed objects per encoded URL directory, counted by a module that compares no site. */
    void addUnchanged(Map<String, Long> byUrlDirectory) {
        unchangedCounted = true;
        byUrlDirectory.forEach((directory, count) -> unchanged.merge(directory, count, Long::sum));
    }

    /**
     * Adds what a module records once the invalidation is accepted, besides a site's manifest: a rollback's manifest
     * and history.
     */
    void addRecording(Deliveries.Recording recording) {
        recordings.add(recording);
    }

    List<Deliveries.Recording> recordings() {
        return List.copyOf(recordings);
    }

    /** Adds URLs whose objects changed at the origin, such as those a sync wrote or deleted. */
    void addUrls(List<String> changed) {
        urls.addAll(changed);
    }

    List<String> urls() {
        return List.copyOf(urls);
    }

    /** The comparisons made, one per module that has a site. */
    List<DeployDiff> diffs() {
        return List.copyOf(diffs);
    }

    /**
     * Unchanged deployed objects per URL directory, summed over the sites; empty when nothing counted them or a site had
     * no manifest to count them.
     */
    Optional<Map<String, Long>> unchanged() {
        return !unchangedCounted || !unchangedKnown ? Optional.empty() : Optional.of(Map.copyOf(unchanged));
    }
}
