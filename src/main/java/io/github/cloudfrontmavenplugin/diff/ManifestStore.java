package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the manifest of the last deploy lives: a local file or an S3 object. */
public interface ManifestStore extends AutoCloseable {
    /**
     * The manifest as this deploy found it.
     *
     * @param file a local copy, empty when there is no manifest yet
     * @param version what {@link #replace} checks is still current: a content hash or an ETag; empty when absent
     */
    record Snapshot(Optional<Path> file, Optional<String> version) {
        public static final Snapshot ABSENT = new Snapshot(Optional.empty(), Optional.empty());
    }

    /** @param workDirectory where a remote manifest may be copied */
    Snapshot read(Path workDirectory) throws IOException, UserFixableException;

    /**
     * Replaces the manifest with {@code next} atomically, only if it is still the one {@code basis} saw; otherwise
     * fails, leaving it as the other deploy wrote it.
     */
    void replace(Snapshot basis, Path next) throws IOException, UserFixableException;

    /** For messages: {@code target/manifest.txt}, {@code s3://bucket/key}. */
    String describe();

    /** Frees what the store holds, such as an S3 client's connections. */
    @Override
    default void close() {}

    /** Explains a lost race: another deploy changed the manifest between this one's read and write. */
    static UserFixableException conflict(String where) {
        return new UserFixableException("The manifest " + where + " was changed by another deploy while this one ran,"
                + " so it was not advanced (the other deploy's record is kept). The invalidation was created; run the"
                + " deploy again to record this deploy's files and invalidate anything the other deploy missed.");
    }
}
