package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFormatTest {
    private static final String HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    private List<ManifestEntry> readAll(Path file) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        try (ManifestFormat.Reader reader = new ManifestFormat.Reader(file, "m.txt")) {
            ManifestEntry entry;
            while ((entry = reader.next()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Test
    void roundTripsEveryKindOfName() throws IOException {
        List<ManifestEntry> entries = List.of(
                new ManifestEntry("a b/caf\u00e9.html", 0, HASH),
                new ManifestEntry("a b/z", 12, HASH.replace('e', 'f')),
                new ManifestEntry("back\\slash\ttab\nnew\rline", 3, HASH),
                new ManifestEntry("\u65e5\u672c/%20.html", Long.MAX_VALUE, HASH));
        Path file = dir.resolve("m.txt");
        try (ManifestFormat.Writer writer = new ManifestFormat.Writer(file)) {
            for (ManifestEntry entry : entries) {
                writer.write(entry);
            }
        }
        assertEquals(entries, readAll(file));
        assertTrue(Files.readString(file).startsWith("cloudfront-maven-plugin manifest 1\n"));
        assertEquals(5, Files.readAllLines(file).size());
    }

    private String corrupt(String content) throws IOException {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, content);
        return assertThrows(CorruptManifestException.class, () -> readAll(file)).getMessage();
    }

    @Test
    void refusesAnotherVersion() throws IOException {
        String message = corrupt("cloudfront-maven-plugin manifest 2\n");
        assertTrue(
                message.startsWith("The manifest m.txt has format version '2'; this plugin reads version 1"), message);
        assertTrue(corrupt("").contains("does not start with"));
        assertTrue(corrupt("<html>\n").contains("does not start with 'cloudfront-maven-plugin manifest 1'"));
    }

    @Test
    void refusesMalformedLinesNamingTheLine() throws IOException {
        String header = ManifestFormat.HEADER + "\n";
        assertTrue(corrupt(header + HASH + "\t1\ta\nnot a line\n").contains("line 3 is not"));
        assertTrue(corrupt(header + HASH.toUpperCase() + "\t1\ta\n").contains("line 2 has no valid SHA-256"));
        assertTrue(corrupt(header + HASH + "\t-1\ta\n").contains("line 2 has no valid size"));
        assertTrue(corrupt(header + HASH + "\tx\ta\n").contains("line 2 has no valid size"));
        assertTrue(corrupt(header + HASH + "\t1\t/abs\n").contains("line 2 has no valid relative path"));
    }

    @Test
    void refusesLinesOutOfOrderOrRepeated() throws IOException {
        String header = ManifestFormat.HEADER + "\n";
        assertTrue(corrupt(header + HASH + "\t1\tb\n" + HASH + "\t1\ta\n").contains("line 3 ('a') is out of order"));
        assertTrue(corrupt(header + HASH + "\t1\ta\n" + HASH + "\t1\ta\n").contains("out of order or repeated"));
    }

    @Test
    void refusesBytesThatAreNotUtf8() throws IOException {
        Path file = dir.resolve("m.txt");
        Files.write(file, (ManifestFormat.HEADER + "\n" + HASH + "\t1\t").getBytes());
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertTrue(assertThrows(CorruptManifestException.class, () -> readAll(file))
                .getMessage()
                .contains("is not UTF-8"));
    }

    @Test
    void emptyManifestHasNoEntries() throws IOException {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, ManifestFormat.HEADER + "\n");
        try (ManifestFormat.Reader reader = new ManifestFormat.Reader(file, "m.txt")) {
            assertNull(reader.next());
        }
    }
}
