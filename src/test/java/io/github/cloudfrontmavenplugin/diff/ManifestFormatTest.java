package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFormatTest {
    private static final String HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final List<ManifestEntry> ENTRIES = List.of(
            new ManifestEntry("a b/caf\u00e9.html", 0, HASH),
            new ManifestEntry("a b/z", 12, HASH.replace('e', 'f')),
            new ManifestEntry("back\\slash\ttab\nnew\rline", 3, HASH),
            new ManifestEntry("\u65e5\u672c/%20.html", Long.MAX_VALUE, HASH));

    /** The manifest of {@link #ENTRIES} byte for byte as earlier versions wrote it, through a BufferedWriter. */
    private static final String AS_EARLIER_VERSIONS_WROTE_IT = "cloudfront-maven-plugin manifest 1\n"
            + HASH + "\t0\ta b/caf\u00e9.html\n"
            + HASH.replace('e', 'f') + "\t12\ta b/z\n"
            + HASH + "\t3\tback\\\\slash\\ttab\\nnew\\rline\n"
            + HASH + "\t9223372036854775807\t\u65e5\u672c/%20.html\n";

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

    private Path writeAll(List<ManifestEntry> entries) throws IOException {
        Path file = dir.resolve("m.txt");
        try (ManifestFormat.Writer writer = new ManifestFormat.Writer(file)) {
            for (ManifestEntry entry : entries) {
                writer.write(entry);
            }
        }
        return file;
    }

    @Test
    void roundTripsEveryKindOfName() throws IOException {
        Path file = writeAll(ENTRIES);
        assertEquals(ENTRIES, readAll(file));
        assertTrue(Files.readString(file).startsWith("cloudfront-maven-plugin manifest 1\n"));
        assertEquals(5, Files.readAllLines(file).size());
    }

    @Test
    void aPathWithTabNewlineBackslashAndPercentTakesOneLine() throws IOException {
        List<ManifestEntry> entries = List.of(new ManifestEntry("d/t\ta\nb\\c%41%.html", 7, HASH));
        Path file = writeAll(entries);
        assertEquals(
                ManifestFormat.HEADER + "\n" + HASH + "\t7\td/t\\ta\\nb\\\\c%41%.html\n",
                Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(entries, readAll(file));
    }

    @Test
    void readsManifestsAsEarlierVersionsWroteThem() throws IOException {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, AS_EARLIER_VERSIONS_WROTE_IT);
        assertEquals(ENTRIES, readAll(file));
    }

    @Test
    void writesTheSameBytesAsEarlierVersions() throws IOException {
        assertArrayEquals(
                AS_EARLIER_VERSIONS_WROTE_IT.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(writeAll(ENTRIES)));
    }

    @Test
    void linesMayEndInCrLfOrCrAsInAnyTextFile() throws IOException {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, ManifestFormat.HEADER + "\r\n" + HASH + "\t1\ta\r" + HASH + "\t2\tb\r\n");
        assertEquals(List.of(new ManifestEntry("a", 1, HASH), new ManifestEntry("b", 2, HASH)), readAll(file));
    }

    @Test
    void theLastLineNeedNotEndInANewline() throws IOException {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, ManifestFormat.HEADER + "\n" + HASH + "\t1\ta\n" + HASH + "\t2\tb");
        assertEquals(List.of(new ManifestEntry("a", 1, HASH), new ManifestEntry("b", 2, HASH)), readAll(file));
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        List<ManifestEntry> entries =
                List.of(new ManifestEntry("a/" + "\u00e9".repeat(100_000), 1, HASH), new ManifestEntry("b", 2, HASH));
        assertEquals(entries, readAll(writeAll(entries)));
    }

    @Test
    void readsLinesAcrossRefillsOfItsBuffer() throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            entries.add(new ManifestEntry(String.format("d/\u65e5-%05d.html", i), i, HASH));
        }
        Path file = writeAll(entries);
        assertTrue(Files.size(file) > 3 * (1 << 16), "the buffer is refilled at least three times");
        assertEquals(entries, readAll(file));
    }

    @Test
    void skipsTheNextLineOnlyWhenItHasTheSameBytes() throws IOException {
        ManifestEntry a = new ManifestEntry("a", 1, HASH);
        ManifestEntry b = new ManifestEntry("b", 2, HASH);
        try (ManifestFormat.Reader reader = new ManifestFormat.Reader(writeAll(List.of(a, b)), "m.txt")) {
            assertFalse(reader.skipIfNextIs("a", ManifestFormat.line(new ManifestEntry("a", 2, HASH))));
            assertTrue(reader.skipIfNextIs("a", ManifestFormat.line(a)));
            assertEquals(b, reader.next());
            assertFalse(reader.skipIfNextIs("c", ManifestFormat.line(new ManifestEntry("c", 1, HASH))));
            assertNull(reader.next());
        }
    }

    @Test
    void doesNotSkipALineOutOfOrderSoThatNextRefusesIt() throws IOException {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, ManifestFormat.HEADER + "\n" + HASH + "\t1\tb\n" + HASH + "\t1\ta\n");
        try (ManifestFormat.Reader reader = new ManifestFormat.Reader(file, "m.txt")) {
            reader.next();
            ManifestEntry a = new ManifestEntry("a", 1, HASH);
            assertFalse(reader.skipIfNextIs("a", ManifestFormat.line(a)));
            String message =
                    assertThrows(CorruptManifestException.class, reader::next).getMessage();
            assertTrue(message.contains("line 3 ('a') is out of order or repeated"), message);
        }
    }

    private String corrupt(String content) throws IOException {
        return corrupt(content.getBytes(StandardCharsets.UTF_8));
    }

    private String corrupt(byte[] content) throws IOException {
        Path file = dir.resolve("m.txt");
        Files.write(file, content);
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
    void refusesBytesThatAreNotUtf8NamingTheLine() throws IOException {
        byte[] start = (ManifestFormat.HEADER + "\n" + HASH + "\t1\t").getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(start, start.length + 3);
        content[start.length] = (byte) 0xC3;
        content[start.length + 1] = '(';
        content[start.length + 2] = '\n';
        assertTrue(corrupt(content).endsWith("is not UTF-8 text (near line 2)."));
        assertTrue(corrupt(new byte[] {(byte) 0xFF, 'c', '\n'}).endsWith("is not UTF-8 text (near line 1)."));
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
