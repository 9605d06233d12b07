package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHasherTest {
    @TempDir
    Path dir;

    @Test
    void md5AndSha256OfOneFileAreTheKnownDigests() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "abc", StandardCharsets.UTF_8);

        assertEquals("900150983cd24fb0d6963f7d28e17f72", ContentHasher.md5(file));
        assertEquals(
                new ManifestEntry("a.txt", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                ContentHasher.hash("a.txt", file, 3));
    }

    @Test
    void md5ReadsTheWholeFileAcrossBufferFills() throws Exception {
        byte[] content = new byte[(1 << 16) * 3 + 17];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("big.bin"), content);
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        assertEquals(expected, ContentHasher.md5(file));
        // The thread's digest is reset between files: hashing again gives the same answer.
        ContentHasher.hash("big.bin", file, content.length);
        assertEquals(expected, ContentHasher.md5(file));
    }

    @Test
    void sha256StopsAtTheSizeTheWalkSaw() throws IOException {
        Path file = Files.writeString(dir.resolve("grew.txt"), "abcdef", StandardCharsets.UTF_8);
        assertEquals(
                new ManifestEntry("grew.txt", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                ContentHasher.hash("grew.txt", file, 3));
    }
}
