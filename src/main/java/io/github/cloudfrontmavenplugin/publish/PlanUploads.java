package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.Sizes;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.ContentHasher;
import io.github.cloudfrontmavenplugin.diff.ManifestEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sync's step that decides what the bucket needs, from the site as the diff hashed it and the bucket as {@link
 * BucketReading} read it: what to upload, whose headers to update, what to delete, in which order. It changes nothing;
 * it refuses a plan that deletes more than {@code maxDeletes} and tells the user what the plan holds.
 */
public final class PlanUploads {
    /** The plan, with what was read to make it; {@link PublishSite} carries it out. */
    public static final class Planned {
        final BucketReading.Read read;
        final UploadPlan plan;
        final int concurrency;
        final boolean dryRun;

        public Planned(BucketReading.Read read, UploadPlan plan, int concurrency, boolean dryRun) {
            this.read = read;
            this.plan = plan;
            this.concurrency = concurrency;
            this.dryRun = dryRun;
        }
    }

    private final Progress progress;

    public PlanUploads(Progress progress) {
        this.progress = progress;
    }

    /**
     * @param reading the bucket's listing and the record of the last sync, read while the site was hashed; the caller
     *     closes it
     * @param site the files of the site with their hashes, as this deploy's manifest records them
     * @param filter the includes and excludes: objects outside them are never touched
     */
    public Planned run(
            BucketReading reading, Path directory, List<ManifestEntry> site, AntPatterns filter, boolean dryRun)
            throws UserFixableException, InterruptedException {
        PublishSettings settings = reading.settings();
        List<UploadPlanner.LocalFile> files = localFiles(directory, site, settings.followExternalLinks());
        BucketLocation location = settings.location();
        UploadPlanner planner =
                new UploadPlanner(location, settings.rules(), filter, settings.delete(), reading.protectedKeys());
        // While the listing is still being read.
        List<UploadPlanner.SiteObject> objects = planner.objectsOf(files);
        try {
            BucketReading.Read read = reading.await();
            Set<String> inspect = planner.keysToInspect(objects, read.listing(), read.record());
            if (!inspect.isEmpty()) {
                progress.info("Reading the headers of " + Sizes.count(inspect.size()) + " objects that no earlier"
                        + " sync recorded (or that changed since)");
            }
            Map<String, ObjectHead> heads = read.bucket().eachKey(inspect, read.bucket()::head);
            UploadPlan plan =
                    planner.plan(objects, read.listing(), read.record(), heads, file -> ContentHasher.md5(file.file()));
            plan.checkDeletes(settings.maxDeletes());
            report(plan, dryRun);
            return new Planned(read, plan, settings.concurrency(), dryRun);
        } catch (IOException e) {
            throw new UserFixableException("Cannot publish " + directory + " to " + location + ": " + e, e);
        }
    }

    /** The site's files; a link that leads out of {@code directory} fails here, before any call. */
    static List<UploadPlanner.LocalFile> localFiles(Path directory, List<ManifestEntry> site, boolean followExternal)
            throws UserFixableException {
        List<UploadPlanner.LocalFile> files = new ArrayList<>(site.size());
        try {
            Path root = directory.toRealPath();
            for (ManifestEntry entry : site) {
                Path file = directory.resolve(entry.path());
                if (!followExternal && !file.toRealPath().startsWith(root)) {
                    throw outside(directory, entry.path());
                }
                files.add(new UploadPlanner.LocalFile(entry.path(), file, entry.size(), entry.sha256()));
            }
        } catch (IOException e) {
            throw new UserFixableException("Cannot read the site " + directory + ": " + e, e);
        }
        return files;
    }

    private static UserFixableException outside(Path directory, String relativePath) throws IOException {
        Path link = directory;
        for (Path name : Path.of(relativePath)) {
            link = link.resolve(name);
            if (Files.isSymbolicLink(link)) {
                break;
            }
        }
        return new UserFixableException("The site's " + relativePath + " leads out of <directory> " + directory
                + ": " + link + " is a symbolic link to " + Files.readSymbolicLink(link) + " (" + link.toRealPath()
                + "). Nothing was published. Replace the link with what it should publish, exclude it with"
                + " <excludes>, or set <followExternalLinks> (cloudfront.followExternalLinks) to publish it anyway.");
    }

    private void report(UploadPlan plan, boolean dryRun) {
        long copies = plan.count(UploadPlan.Kind.COPY);
        progress.info((dryRun ? "Dry run: would publish to " : "Publishing to ") + plan.location() + ": "
                + Sizes.files(plan.uploads().size() - copies) + " to upload (" + Sizes.bytes(plan.bytesToSend())
                + ")" + (copies > 0 ? ", " + Sizes.count(copies) + " to update headers of" : "") + ", "
                + Sizes.count(plan.deletes().size()) + " to delete, "
                + Sizes.count(plan.unchanged().size())
                + " unchanged; assets first, then pages, deletes last");
        for (UploadPlan.Upload upload : plan.uploads()) {
            String line = "  " + (upload.kind() == UploadPlan.Kind.PUT ? "upload " : "headers ") + upload.key() + " ("
                    + upload.reason() + ", " + Sizes.bytes(upload.size()) + ") "
                    + upload.headers().describe();
            if (dryRun) {
                progress.info(line);
            } else {
                progress.debug(line);
            }
        }
        for (UploadPlan.Delete delete : plan.deletes()) {
            if (dryRun) {
                progress.info("  delete " + delete.key());
            } else {
                progress.debug("  delete " + delete.key());
            }
        }
        if (dryRun) {
            progress.info("Dry run: nothing is changed in " + plan.location());
        }
    }
}
