package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sync changes in the bucket, in the order it does it: assets first, then pages (so that a new page never links
 * to an asset that is not there yet), deletes last (so that no page still linking to an old asset loses it before the
 * new pages are up). The objects that stay as they are, with what the record of published objects keeps of them.
 */
public record UploadPlan(
        BucketLocation location,
        List<Upload> assets,
        List<Upload> pages,
        List<Delete> deletes,
        Map<String, PublishedObjects.Entry> unchanged) {
    public UploadPlan {
        assets = List.copyOf(assets);
        pages = List.copyOf(pages);
        deletes = List.copyOf(deletes);
        unchanged = Map.copyOf(unchanged);
    }

    /** How an object is brought up to date. */
    public enum Kind {
        /** The content is sent. */
        PUT,
        /** Only the headers differ: S3 copies the object onto itself with the new ones (CopyObject, REPLACE). */
        COPY,
        /**
         * A rollback: S3 copies a kept version of the object onto its key with that version's own headers
         * (CopyObject of {@code sourceVersion}, COPY), so no bytes leave the machine.
         */
        RESTORE
    }

    /** Why an object is written: for the log. */
    public enum Reason {
        NEW("new"),
        CHANGED("changed"),
        HEADERS("headers changed"),
        REPAIRED("changed in the bucket since the last sync"),
        ROLLED_BACK("differs from the deploy rolled back to");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * One object to write, from the file at {@code file}, or for a {@link Kind#RESTORE} from the version {@code
     * sourceVersion} of its key (no file).
     */
    public record Upload(
            String relativePath,
            String key,
            Path file,
            long size,
            String sha256,
            ObjectHeaders headers,
            Kind kind,
            Reason reason,
            Optional<String> sourceVersion) {
        public Upload {
            if (kind == Kind.RESTORE && sourceVersion.isEmpty()) {
                throw new IllegalArgumentException("a restore copies a version: " + key);
            }
        }

        /** A write from a file of the site. */
        public Upload(
                String relativePath,
                String key,
                Path file,
                long size,
                String sha256,
                ObjectHeaders headers,
                Kind kind,
                Reason reason) {
            this(relativePath, key, file, size, sha256, headers, kind, reason, Optional.empty());
        }

        /** A rollback's copy of the version {@code versionId} of {@code key} onto it, stored with {@code headers}. */
        public static Upload restore(
                String relativePath, String key, long size, String sha256, ObjectHeaders headers, String versionId) {
            return new Upload(
                    relativePath,
                    key,
                    null,
                    size,
                    sha256,
                    headers,
                    Kind.RESTORE,
                    Reason.ROLLED_BACK,
                    Optional.of(versionId));
        }
        /** The bytes this sends: none for a copy. */
        public long bytesSent() {
            return kind == Kind.PUT ? size : 0;
        }
    }

    /** One object the site no longer has. */
    public record Delete(String key, String relativePath) {}

    public List<Upload> uploads() {
        List<Upload> all = new ArrayList<>(assets);
        all.addAll(pages);
        return all;
    }

    /** How many writes of this plan are of {@code kind}. */
    public int count(Kind kind) {
        return (int) uploads().stream().filter(u -> u.kind() == kind).count();
    }

    public long bytesToSend() {
        return uploads().stream().mapToLong(Upload::bytesSent).sum();
    }

    public boolean isEmpty() {
        return assets.isEmpty() && pages.isEmpty() && deletes.isEmpty();
    }

    /**
     * The site's paths whose object this plan writes or deletes: what changes at the origin, which the invalidation
     * must cover.
     */
    public List<String> changedPaths() {
        List<String> paths = new ArrayList<>();
        uploads().forEach(upload -> paths.add(upload.relativePath()));
        deletes.forEach(delete -> paths.add(delete.relativePath()));
        return paths;
    }

    /** Refuses a sync's plan that deletes more than {@code maxDeletes}, before anything is changed. */
    public void checkDeletes(int maxDeletes) throws UserFixableException {
        checkDeletes(
                maxDeletes,
                "The sync",
                "Check <directory> and <bucket> (is the site fully built, is the prefix right?)");
    }

    /**
     * Refuses a plan that deletes more than {@code maxDeletes}, before anything is changed.
     *
     * @param deploy what would delete, such as {@code The rollback}
     * @param check what to check first
     */
    public void checkDeletes(int maxDeletes, String deploy, String check) throws UserFixableException {
        if (deletes.size() > maxDeletes) {
            throw new UserFixableException(deploy + " would delete " + deletes.size() + " objects under " + location
                    + ", more than <maxDeletes> (cloudfront.maxDeletes) " + maxDeletes
                    + " allows; nothing was changed. "
                    + check + "; if the deletes are meant, raise maxDeletes or protect keys with <excludes>.");
        }
    }
}
