package io.github.cloudfrontmavenplugin.diff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file's content, streamed through a buffer reused by the calling thread. */
final class ContentHasher {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final ThreadLocal<ByteBuffer> BUFFERS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER_SIZE));
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(ContentHasher::sha256);

    private ContentHasher() {}

    /**
     * @param expectedSize the size the walk saw: once that many bytes are read the file is done, which saves a read
     *     per file that would only report the end (a file that grew since is seen at its walked size)
     * @return the size and hash of the content read, so they always agree
     */
    static ManifestEntry hash(String relativePath, Path file, long expectedSize) throws IOException {
        ByteBuffer buffer = BUFFERS.get();
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int read;
            while (size < expectedSize && (read = channel.read(buffer.clear())) >= 0) {
                int used = (int) Math.min(read, expectedSize - size);
                digest.update(buffer.array(), 0, used);
                size += used;
            }
        }
        return new ManifestEntry(relativePath, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
