package io.github.cloudfrontmavenplugin.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a built site, {@link HashedSite hashed}, with the manifest of the last deploy.
 *
 * <p>Both are files in {@link PathOrder}, read as two sorted streams and joined as they go. Memory grows with the
 * number of changes, not with the size of the site or the manifest.
 */
public final class SiteDiff {
    /**
     * What changed, as paths relative to the site root, in {@link PathOrder}.
     *
     * @param unchanged how many files are the same as in the manifest
     * @param unchangedByDirectory how many of those are directly in each directory ({@code ""} for the root,
     *     {@code docs/} ...): what a wildcard would invalidate without need. Taken over, not copied: it has an entry per
     *     directory with an unchanged file, and copying the benchmark's 100,000 cost a second deploy 50 to 90 ms of
     *     CPU. The caller hands over a map it no longer changes.
     */
    public record Result(
            List<String> added,
            List<String> modified,
            List<String> deleted,
            long unchanged,
            Map<String, Long> unchangedByDirectory) {
        public Result {
            added = List.copyOf(added);
            modified = List.copyOf(modified);
            deleted = List.copyOf(deleted);
            unchangedByDirectory = Collections.unmodifiableMap(unchangedByDirectory);
        }

        public int changedCount() {
            return added.size() + modified.size() + deleted.size();
        }

        /** Everything that changed, in {@link PathOrder}. */
        public List<String> changed() {
            List<String> all = new ArrayList<>(changedCount());
            all.addAll(added);
            all.addAll(modified);
            all.addAll(deleted);
            all.sort(PathOrder.INSTANCE);
            return all;
        }
    }

    private SiteDiff() {}

    /**
     * @param hashed the site's entries, as {@link HashedSite#await} wrote them
     * @param previous the last deploy's manifest and a name for it in messages; empty on a first deploy
     * @throws CorruptManifestException when the previous manifest cannot be trusted
     */
    public static Result compare(Path hashed, Optional<Path> previous, String previousName) throws IOException {
        try (ManifestFormat.Reader site = new ManifestFormat.Reader(hashed, "of the site, hashed");
                ManifestFormat.Reader old =
                        previous.isPresent() ? new ManifestFormat.Reader(previous.get(), previousName) : null) {
            Join join = new Join(old);
            for (ManifestEntry entry = site.next(); entry != null; entry = site.next()) {
                join.accept(entry);
            }
            return join.finish();
        }
    }

    /**
     * The merge of the site's entries (in order) with the previous manifest (in order). An unchanged file's line is
     * found by its bytes ({@link ManifestFormat.Reader#skipIfNextIs}); only the lines around a change are parsed.
     */
    private static final class Join {
        private final ManifestFormat.Reader old;
        private final List<String> added = new ArrayList<>();
        private final List<String> modified = new ArrayList<>();
        private final List<String> deleted = new ArrayList<>();
        private long unchanged;
        private final Map<String, Long> unchangedByDirectory = new HashMap<>();
        /** The previous manifest's next entry once parsed; null while it is unread, and at the end. */
        private ManifestEntry pending;

        Join(ManifestFormat.Reader old) {
            this.old = old;
        }

        void accept(ManifestEntry current) throws IOException {
            if (pending == null && old != null && old.skipIfNextIs(current.path(), ManifestFormat.line(current))) {
                countUnchanged(current.path());
            } else {
                merge(current);
            }
        }

        private void merge(ManifestEntry current) throws IOException {
            if (pending == null) {
                pending = nextOld();
            }
            while (pending != null && PathOrder.INSTANCE.compare(pending.path(), current.path()) < 0) {
                deleted.add(pending.path());
                pending = nextOld();
            }
            if (pending != null && pending.path().equals(current.path())) {
                if (pending.sameContentAs(current)) {
                    countUnchanged(current.path());
                } else {
                    modified.add(current.path());
                }
                pending = null;
            } else {
                added.add(current.path());
            }
        }

        private void countUnchanged(String path) {
            unchanged++;
            unchangedByDirectory.merge(path.substring(0, path.lastIndexOf('/') + 1), 1L, Long::sum);
        }

        private ManifestEntry nextOld() throws IOException {
            return old == null ? null : old.next();
        }

        Result finish() throws IOException {
            for (ManifestEntry rest = pending != null ? pending : nextOld(); rest != null; rest = nextOld()) {
                deleted.add(rest.path());
            }
            return new Result(added, modified, deleted, unchanged, unchangedByDirectory);
        }
    }
}
