package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Optional;

/**
 * Where a lock lives (an S3 object, a local file), with the atomic operations a lock needs: create only if absent,
 * replace and delete only if unchanged since read. A version is what proves "unchanged": an ETag, a content hash.
 */
interface LockStore extends AutoCloseable {
    /** The lock as stored, and its version. */
    record Stored(byte[] content, String version) {}

    /** A condition did not hold: the lock exists (create), or changed or vanished since it was read. */
    final class Changed extends Exception {
        private static final long serialVersionUID = 1L;

        Changed(String message) {
            super(message);
        }
    }

    Optional<Stored> read() throws UserFixableException, InterruptedException;

    /** Creates the lock if there is none. @return its version */
    String create(byte[] content) throws Changed, UserFixableException, InterruptedException;

    /** Replaces the lock if it is still at {@code version}. @return the new version */
    String replace(String version, byte[] content) throws Changed, UserFixableException, InterruptedException;

    /** Deletes the lock if it is still at {@code version}. */
    void delete(String version) throws Changed, UserFixableException, InterruptedException;

    /** For messages: {@code s3://deploys/www/manifest.txt.lock}, or the file. */
    String describe();

    @Override
    void close();
}
