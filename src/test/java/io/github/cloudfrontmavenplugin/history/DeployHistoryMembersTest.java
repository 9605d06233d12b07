package io.github.cloudfrontmavenplugin.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history's file is one gzip member per record: a deploy copies the older records' members as it read them and
 * compresses only two records, any gzip reader reads the file as one text, and a history stored another way (one
 * member, as plugins before this one wrote it, or members that cut records or lines apart) is read whole and written
 * back a member per record.
 */
class DeployHistoryMembersTest {
    private static final Instant T0 = Instant.parse("2026-12-06T15:00:00Z");

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(26);
    private final TreeMap<String, ObjectState> site = new TreeMap<>();

    @Test
    void aDeployCopiesTheOlderRecordsAsStoredAndCompressesOnlyTheNewestTwo() throws Exception {
        DeployHistory four = deploys(4);
        List<byte[]> written = members(write(four, "four.history"));
        assertEquals(4, written.size(), "a member per record");
        // Mark the older members with header fields Java's writer never sets: a copy keeps them, a new one has none.
        List<byte[]> marked = new ArrayList<>(List.of(written.get(0)));
        marked.add(withName(written.get(1), "kept-1"));
        marked.add(withExtraAndComment(written.get(2)));
        marked.add(withHeaderCrc(written.get(3)));
        Path stored = dir.resolve("stored.history");
        Files.write(stored, concat(marked));

        DeployHistory read = DeployHistory.read(stored);
        assertSameRecords(four.records(), read.records());
        DeployRecord newest = record(4);
        DeployHistory five = read.with(newest, 20);
        List<byte[]> after = members(write(five, "five.history"));

        assertEquals(5, after.size());
        assertEquals(0, after.get(0)[3], "the newest is compressed anew, with a plain header");
        assertEquals(0, after.get(1)[3], "so is the one before it");
        for (int i = 1; i < marked.size(); i++) {
            assertArrayEquals(marked.get(i), after.get(i + 1), "the member of record " + i + " is copied");
        }
        assertFalse(Arrays.equals(marked.get(0), after.get(1)), "the old newest is written anew, as a delta");
        assertEquals(
                five.records(), DeployHistory.read(dir.resolve("five.history")).records());
        List<DeployRecord> expected = new ArrayList<>(List.of(newest));
        expected.addAll(four.records());
        assertSameRecords(expected, five.records());
    }

    @Test
    void anyGzipReaderReadsTheMembersAsOneHistory() throws Exception {
        Path file = write(deploys(3), "three.history");

        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertTrue(text.startsWith(DeployHistory.HEADER + "\ndeploy\t"), text.substring(0, 80));
        assertEquals(3, text.lines().filter(l -> l.startsWith("deploy\t")).count());
        assertEquals(
                site.size(), text.lines().filter(l -> l.startsWith("object\t")).count());
    }

    @Test
    void aHistoryStoredAsOneMemberIsWrittenBackAMemberPerRecord() throws Exception {
        DeployHistory three = deploys(3);
        Path one = dir.resolve("one.history");
        Files.write(one, gzipped(text(write(three, "three.history"))));
        assertEquals(1, members(one).size());

        DeployHistory read = DeployHistory.read(one);
        assertSameRecords(three.records(), read.records());
        DeployHistory appended = read.with(record(3), 20);
        Path four = write(appended, "four.history");

        assertEquals(4, members(four).size());
        assertSameRecords(appended.records(), DeployHistory.read(four).records());
    }

    @Test
    void recordsAndLinesCutApartByMembersAreReadWholeAndWrittenWhole() throws Exception {
        DeployHistory three = deploys(3);
        byte[] text = text(write(three, "three.history"));
        String asText = new String(text, StandardCharsets.UTF_8);
        int newest = asText.indexOf("\ndeploy\t") + 1;
        int second = asText.indexOf("\ndeploy\t", newest) + 1;
        int third = asText.indexOf("\ndeploy\t", second) + 1;
        int halfOfSecond = byteOffset(asText, asText.indexOf("\nchanged\t", (second + third) / 2) + 1);
        int insideACharacter = byteOffset(asText, asText.indexOf("ä", third)) + 1;
        // Members: the header and the newest; the second record's first half, alone and looking whole; its second
        // half with the third record's first lines; the rest, cut inside a two-byte character.
        int[] cuts = {byteOffset(asText, second), halfOfSecond, insideACharacter, text.length};
        assertTrue(newest > 0 && second > newest && third > second, "three records");
        assertTrue(halfOfSecond > byteOffset(asText, second) && halfOfSecond < byteOffset(asText, third));
        assertTrue(insideACharacter > byteOffset(asText, third) && (text[insideACharacter - 1] & 0xc0) == 0xc0);
        List<byte[]> members = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            members.add(gzipped(Arrays.copyOfRange(text, from, cut)));
            from = cut;
        }
        Path cutApart = dir.resolve("cut-apart.history");
        Files.write(cutApart, concat(members));

        DeployHistory read = DeployHistory.read(cutApart);
        assertSameRecords(three.records(), read.records());
        DeployHistory four = read.with(record(3), 20);
        Path written = write(four, "four.history");

        assertEquals(4, members(written).size());
        assertSameRecords(four.records(), DeployHistory.read(written).records());
    }

    @Test
    void aMemberWhoseContentDoesNotMatchItsCrcIsRefused() throws Exception {
        byte[] file = Files.readAllBytes(write(deploys(3), "three.history"));
        file[file.length - 8] ^= 1;
        Path damaged = dir.resolve("damaged.history");
        Files.write(damaged, file);

        UserFixableException e = assertThrows(UserFixableException.class, () -> DeployHistory.read(damaged));

        assertTrue(
                e.getMessage()
                        .startsWith("The deploy history " + damaged + " cannot be read: it is not gzip'd UTF-8"
                                + " text (corrupt member: its CRC does not match its content)"),
                e.getMessage());
    }

    @Test
    void aHistoryCutOffBetweenMembersOrInsideAHeaderIsRefused() throws Exception {
        byte[] file = Files.readAllBytes(write(deploys(2), "two.history"));
        int secondMember = members(dir.resolve("two.history")).get(0).length;
        for (int length : new int[] {secondMember + 5, file.length - 3}) {
            Path cut = dir.resolve("cut-" + length + ".history");
            Files.write(cut, Arrays.copyOf(file, length));

            UserFixableException e = assertThrows(UserFixableException.class, () -> DeployHistory.read(cut));

            assertTrue(
                    e.getMessage()
                            .startsWith("The deploy history " + cut + " cannot be read: it ends in the middle (a write"
                                    + " that was cut off?)"),
                    e.getMessage());
        }
    }

    /** Compares without printing thousands of objects when they differ. */
    private static void assertSameRecords(List<DeployRecord> expected, List<DeployRecord> actual) {
        assertTrue(
                expected.equals(actual),
                "expected " + expected.stream().map(DeployRecord::id).toList() + " but read "
                        + actual.stream().map(DeployRecord::id).toList() + ", or the same IDs with other states");
    }

    private DeployHistory deploys(int count) {
        DeployHistory history = DeployHistory.EMPTY;
        for (int i = 0; i < count; i++) {
            history = history.with(record(i), 20);
        }
        return history;
    }

    /**
     * The next state of a site of 200 pages of which a quarter changes each deploy, with a page added whose name has a
     * character of two bytes: each older record's delta names the page the next one added.
     */
    private DeployRecord record(int deploy) {
        if (deploy == 0) {
            for (int i = 0; i < 200; i++) {
                site.put(String.format("docs/page-%03d.html", i), state());
            }
        }
        for (String key : List.copyOf(site.keySet())) {
            if (random.nextInt(4) == 0) {
                site.put(key, state());
            }
        }
        site.put("docs/ä-" + deploy + ".html", state());
        return new DeployRecord(
                DeployIds.next(T0.plusSeconds(deploy), random),
                T0.plusSeconds(deploy),
                T0.plusSeconds(deploy + 2),
                "host",
                "user",
                Optional.empty(),
                "it.example:site:1.0",
                Optional.empty(),
                Optional.empty(),
                "s3://bucket/",
                new DeployRecord.Counts(1, 0, 0, 0, 100),
                List.of("E2EXAMPLE I" + deploy),
                new TreeMap<String, ObjectState>(site));
    }

    private ObjectState state() {
        byte[] b = new byte[48];
        random.nextBytes(b);
        String hex = HexFormat.of().formatHex(b);
        return new ObjectState(
                hex.substring(0, 32), hex.substring(32), random.nextInt(100_000), "hdr", Optional.empty());
    }

    private Path write(DeployHistory history, String name) throws IOException {
        Path file = dir.resolve(name);
        history.write(file);
        return file;
    }

    private static List<byte[]> members(Path file) throws IOException {
        List<byte[]> members = new ArrayList<>();
        GzipMembers.read(Files.readAllBytes(file), (stored, text) -> members.add(stored));
        return members;
    }

    private static byte[] text(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzipped(byte[] text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GzipMembers.write(out, text);
        return out.toByteArray();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static int byteOffset(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The member with FNAME set: its header gains a file name, its data and trailer stay. */
    private static byte[] withName(byte[] member, String name) {
        return withHeaderFields(member, 8, (name + "\0").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The member with FEXTRA (a 4-byte subfield) and FCOMMENT set. */
    private static byte[] withExtraAndComment(byte[] member) {
        byte[] extra = {6, 0, 'c', 'f', 2, 0, 1, 2};
        byte[] comment = "kept\0".getBytes(StandardCharsets.ISO_8859_1);
        return withHeaderFields(member, 4 | 16, concat(List.of(extra, comment)));
    }

    /** The member with FHCRC set, the low 16 bits of the header's CRC-32 after it, as RFC 1952 says. */
    private static byte[] withHeaderCrc(byte[] member) {
        byte[] header = Arrays.copyOf(member, 10);
        header[3] |= 2;
        CRC32 crc = new CRC32();
        crc.update(header);
        byte[] crc16 = {(byte) crc.getValue(), (byte) (crc.getValue() >> 8)};
        return concat(List.of(header, crc16, Arrays.copyOfRange(member, 10, member.length)));
    }

    private static byte[] withHeaderFields(byte[] member, int flags, byte[] fields) {
        byte[] header = Arrays.copyOf(member, 10);
        header[3] |= (byte) flags;
        return concat(List.of(header, fields, Arrays.copyOfRange(member, 10, member.length)));
    }
}
