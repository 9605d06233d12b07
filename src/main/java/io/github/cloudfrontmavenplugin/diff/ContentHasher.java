package io.github.cloudfrontmavenplugin.diff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes of a file's content, streamed through a buffer reused by the calling thread: the SHA-256 the manifest
 * records, and the MD5 that S3 gives as the ETag of a single-part upload and takes as {@code Content-MD5}.
 */
public final class ContentHasher {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final ThreadLocal<ByteBuffer> BUFFERS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER_SIZE));
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> digest("MD5"));

    private ContentHasher() {}

    /**
     * @param expectedSize the size the walk saw: once that many bytes are read the file is done, which saves a read
     *     per file that would only report the end (a file that grew since is seen at its walked size)
     * @return the size and SHA-256 of the content read, so they always agree
     */
    static ManifestEntry hash(String relativePath, Path file, long expectedSize) throws IOException {
        MessageDigest digest = SHA_256.get();
        long size = update(digest, file, expectedSize);
        return new ManifestEntry(relativePath, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** The hex MD5 of a file's whole content. */
    public static String md5(Path file) throws IOException {
        MessageDigest digest = MD5.get();
        update(digest, file, Long.MAX_VALUE);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @return how many bytes went into {@code digest}, at most {@code limit} */
    private static long update(MessageDigest digest, Path file, long limit) throws IOException {
        ByteBuffer buffer = BUFFERS.get();
        digest.reset();
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int read;
            while (size < limit && (read = channel.read(buffer.clear())) >= 0) {
                int used = (int) Math.min(read, limit - size);
                digest.update(buffer.array(), 0, used);
                size += used;
            }
        }
        return size;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
