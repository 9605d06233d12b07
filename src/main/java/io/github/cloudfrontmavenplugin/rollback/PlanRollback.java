package io.github.cloudfrontmavenplugin.rollback;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.Sizes;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import io.github.cloudfrontmavenplugin.publish.BucketReading;
import io.github.cloudfrontmavenplugin.publish.ObjectHead;
import io.github.cloudfrontmavenplugin.publish.PlanUploads;
import io.github.cloudfrontmavenplugin.publish.PublishSettings;
import io.github.cloudfrontmavenplugin.publish.S3Bucket;
import io.github.cloudfrontmavenplugin.publish.UploadPlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rollback's step that decides what the bucket needs to hold the state a kept deploy recorded, and makes sure it
 * can before anything is changed: the bucket keeps versions, and every version to copy back still exists (read with
 * HeadObject, concurrently; a version the record does not name is looked up by its ETag). It changes nothing; {@link
 * io.github.cloudfrontmavenplugin.publish.PublishSite} carries the plan out as it does a sync's.
 */
public final class PlanRollback {
    /** How many missing versions a refusal lists before it says how many more. */
    private static final int LISTED = 20;

    private final Progress progress;

    public PlanRollback(Progress progress) {
        this.progress = progress;
    }

    /**
     * @param reading the bucket's listing and the record of published objects; the caller closes it
     * @param filter the includes and excludes: objects outside them are never deleted
     */
    public PlanUploads.Planned run(
            BucketReading reading, PublishSettings settings, AntPatterns filter, DeployRecord target, boolean dryRun)
            throws UserFixableException, InterruptedException {
        BucketReading.Read read;
        try {
            read = reading.await();
        } catch (IOException e) {
            throw new UserFixableException("Cannot read " + settings.location() + " to roll it back: " + e, e);
        }
        S3Bucket bucket = read.bucket();
        if (!bucket.versioningEnabled()) {
            throw notVersioned(settings.location().bucket());
        }
        RestorePlanner planner = new RestorePlanner(settings.location(), filter, reading.protectedKeys());
        SortedMap<String, ObjectState> state = target.objects();
        Set<String> restore = planner.keysToRestore(state, read.listing(), read.record());
        Map<String, String> versionIds = versionIds(bucket, state, restore, target.id());
        Map<String, Optional<ObjectHead>> heads = bucket.eachKey(restore, key -> bucket.head(key, versionIds.get(key)));
        Map<String, RestorePlanner.Version> versions = new HashMap<>();
        Map<String, String> missing = new TreeMap<>();
        heads.forEach((key, head) -> {
            if (head.isPresent()) {
                versions.put(key, new RestorePlanner.Version(versionIds.get(key), head.get()));
            } else {
                missing.put(key, versionIds.get(key));
            }
        });
        if (!missing.isEmpty()) {
            throw versionsGone(target.id(), missing);
        }
        UploadPlan plan = planner.plan(state, read.listing(), read.record(), versions);
        plan.checkDeletes(
                settings.maxDeletes(),
                "The rollback to " + target.id(),
                "Check <bucket> and <rollbackTo> (cloudfront.rollbackTo)");
        report(plan, target, dryRun);
        return new PlanUploads.Planned(read, plan, settings.concurrency(), dryRun);
    }

    /**
     * The version to copy onto each key to restore: the one the record names, or, where it names none (an object an
     * earlier deploy left unchanged before versions were recorded), the newest version with the recorded ETag.
     */
    private static Map<String, String> versionIds(
            S3Bucket bucket, SortedMap<String, ObjectState> state, Set<String> restore, String id)
            throws UserFixableException, InterruptedException {
        Map<String, String> versionIds = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String key : restore) {
            Optional<String> recorded = state.get(key).versionId().filter(v -> !v.isEmpty());
            if (recorded.isPresent()) {
                versionIds.put(key, recorded.get());
            } else {
                unknown.add(key);
            }
        }
        Map<String, Optional<String>> found = bucket.eachKey(
                unknown,
                key -> bucket.versions(key).stream()
                        .filter(version -> version.etag().equals(state.get(key).etag()))
                        .map(S3Bucket.Version::versionId)
                        .findFirst());
        Map<String, String> missing = new TreeMap<>();
        found.forEach((key, versionId) -> {
            if (versionId.isPresent()) {
                versionIds.put(key, versionId.get());
            } else {
                missing.put(key, "none with ETag " + state.get(key).etag());
            }
        });
        if (!missing.isEmpty()) {
            throw versionsGone(id, missing);
        }
        return versionIds;
    }

    static UserFixableException notVersioned(String bucket) {
        return new UserFixableException("The bucket " + bucket + " does not keep versions (GetBucketVersioning does not"
                + " say Enabled), so the objects of an earlier deploy cannot be copied back; nothing was changed."
                + " Turn versioning on:\n  aws s3api put-bucket-versioning --bucket " + bucket
                + " --versioning-configuration Status=Enabled\nand let replaced versions expire after, say, 30 days:\n"
                + "  aws s3api put-bucket-lifecycle-configuration --bucket " + bucket + " --lifecycle-configuration"
                + " '{\"Rules\":[{\"ID\":\"expire-replaced-versions\",\"Status\":\"Enabled\",\"Filter\":{},"
                + "\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":30}}]}'\nDeploys made from then on can be"
                + " rolled back to; to go back to an older build now, deploy it with cloudfront:sync.");
    }

    private static UserFixableException versionsGone(String id, Map<String, String> missing) {
        StringBuilder message = new StringBuilder("The rollback to " + id + " needs "
                + Sizes.count(missing.size()) + (missing.size() == 1 ? " version" : " versions")
                + " that S3 no longer keeps (expired by a lifecycle rule, or deleted); nothing was changed:");
        missing.entrySet().stream()
                .limit(LISTED)
                .forEach(entry -> message.append("\n  ")
                        .append(entry.getKey())
                        .append(" (version ")
                        .append(entry.getValue())
                        .append(")"));
        if (missing.size() > LISTED) {
            message.append("\n  and ").append(missing.size() - LISTED).append(" more");
        }
        message.append("\nRoll back to a newer deploy (cloudfront:history lists them), or deploy that build again"
                + " with cloudfront:sync. Keep versions longer than the deploys you may roll back to: the lifecycle"
                + " rule's NoncurrentDays.");
        return new UserFixableException(message.toString());
    }

    private void report(UploadPlan plan, DeployRecord target, boolean dryRun) {
        progress.info((dryRun ? "Dry run: would roll " : "Rolling ") + plan.location() + " back to the deploy "
                + target.id() + " (" + target.project()
                + target.commit().map(c -> ", commit " + c).orElse("")
                + "): " + Sizes.count(plan.uploads().size()) + " to restore from their kept versions, "
                + Sizes.count(plan.deletes().size()) + " to delete, "
                + Sizes.count(plan.unchanged().size())
                + " unchanged; assets first, then pages, deletes last");
        for (UploadPlan.Upload upload : plan.uploads()) {
            line(
                    dryRun,
                    "  restore " + upload.key() + " (version "
                            + upload.sourceVersion().orElseThrow() + ") "
                            + upload.headers().describe());
        }
        for (UploadPlan.Delete delete : plan.deletes()) {
            line(dryRun, "  delete " + delete.key());
        }
        if (dryRun) {
            progress.info("Dry run: nothing is changed in " + plan.location());
        }
    }

    private void line(boolean dryRun, String line) {
        if (dryRun) {
            progress.info(line);
        } else {
            progress.debug(line);
        }
    }
}
