package io.github.cloudfrontmavenplugin.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployHistoryTest {
    private static final Instant T0 = Instant.parse("2026-12-06T03:15:00.123Z");

    @TempDir
    Path dir;

    @Test
    void aHistoryReadsBackExactlyAsWritten() throws Exception {
        SortedMap<String, ObjectState> first = new TreeMap<>(Map.of(
                "index.html", state("e1", "v1"),
                "tab\there/new\nline\\.css", state("e2", ""),
                "gone.js", state("e3", "v3")));
        SortedMap<String, ObjectState> second = new TreeMap<>(first);
        second.remove("gone.js");
        second.put("index.html", state("e4", "v4"));
        second.put("added.png", new ObjectState("e5-2", "ff", 12_345_678_901L, "h\tx", Optional.empty()));
        DeployRecord older = record("20261206T031500.123Z-0001", first, Optional.empty());
        DeployRecord newer = new DeployRecord(
                "20261206T031600.000Z-0002",
                T0.plusSeconds(60),
                T0.plusSeconds(65),
                "ci-runner\t7",
                "runner",
                Optional.of("https://github.com/o/r/actions/runs/1/attempts/2"),
                "it.example:site:1.0",
                Optional.of("0123456789abcdef0123456789abcdef01234567"),
                Optional.of("20261206T031500.123Z-0001"),
                "s3://bucket/www/",
                new DeployRecord.Counts(1, 1, 1, 1, 42),
                List.of("E2EXAMPLE I1", "tenant-1 I2"),
                second);
        DeployHistory history = DeployHistory.EMPTY.with(older, 20).with(newer, 20);
        Path file = dir.resolve("site.history");

        history.write(file);

        DeployHistory read = DeployHistory.read(file);
        assertEquals(history.records(), read.records());
        assertEquals(List.of(newer, older), read.records());
        assertEquals(Optional.of(newer), read.newest());
        assertEquals(Optional.of(older), read.find(older.id()));
        assertEquals(Optional.of(older), read.before(newer.id()));
        assertEquals(Optional.empty(), read.before(older.id()));
        assertEquals(Optional.empty(), read.find("20990101T000000.000Z-ffff"));
    }

    @Test
    void theOlderRecordsAreStoredAsDeltasAndReconstructExactly() throws Exception {
        DeployHistory history = deploys(new SiteGenerations(500, 0.02, 7), 6, 20);
        Path file = dir.resolve("site.history");

        history.write(file);

        assertEquals(history.records(), DeployHistory.read(file).records());
        List<String> lines = lines(file);
        assertEquals(DeployHistory.HEADER, lines.get(0));
        assertEquals(500, lines.stream().filter(l -> l.startsWith("object\t")).count(), "the newest state in full");
        long changed = lines.stream().filter(l -> l.startsWith("changed\t")).count();
        assertEquals(5 * 10, changed, "each older record: only the 2% of objects that differ");
    }

    @Test
    void aDeltaRecordsKeysAddedAndRemovedBetweenDeploys() throws Exception {
        SortedMap<String, ObjectState> older = new TreeMap<>(Map.of("a", state("1", ""), "b", state("2", "")));
        SortedMap<String, ObjectState> newer = new TreeMap<>(Map.of("b", state("2", ""), "c", state("3", "")));
        DeployHistory history = DeployHistory.EMPTY
                .with(record("1", older, Optional.empty()), 5)
                .with(record("2", newer, Optional.empty()), 5);
        Path file = dir.resolve("site.history");

        history.write(file);

        List<String> lines = lines(file);
        assertTrue(lines.contains("changed\t1\tsha-1\t10\thdr\t\ta"), String.join("\n", lines));
        assertTrue(lines.contains("absent\tc"), String.join("\n", lines));
        assertEquals(history.records(), DeployHistory.read(file).records());
    }

    @Test
    void addingANewestRecordPrunesToTheKeptNumber() {
        DeployHistory history = DeployHistory.EMPTY;
        for (int i = 1; i <= 5; i++) {
            history = history.with(record("id-" + i, new TreeMap<>(), Optional.empty()), 3);
        }
        assertEquals(
                List.of("id-5", "id-4", "id-3"),
                history.records().stream().map(DeployRecord::id).toList());
        assertEquals(
                List.of("id-6"),
                history.with(record("id-6", new TreeMap<>(), Optional.empty()), 1).records().stream()
                        .map(DeployRecord::id)
                        .toList());
    }

    @Test
    void aPrunedHistoryStillReconstructsItsOldestRecord() throws Exception {
        DeployHistory history = deploys(new SiteGenerations(200, 0.05, 11), 8, 3);
        Path file = dir.resolve("site.history");

        history.write(file);

        DeployHistory read = DeployHistory.read(file);
        assertEquals(3, read.records().size());
        assertEquals(history.records(), read.records());
    }

    @Test
    void aCorruptHistoryIsRefusedNamingTheFile() throws Exception {
        Path notGzip = dir.resolve("plain.history");
        Files.writeString(notGzip, "cloudfront-maven-plugin history 1\n");
        UserFixableException e = assertThrows(UserFixableException.class, () -> DeployHistory.read(notGzip));
        assertTrue(
                e.getMessage().startsWith("The deploy history " + notGzip + " cannot be read: it is not gzip'd"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Move it away or delete it to start a new history"), e.getMessage());

        Path badLine = gzip("bad-line.history", DeployHistory.HEADER + "\ndeploy\tonly-two\n");
        e = assertThrows(UserFixableException.class, () -> DeployHistory.read(badLine));
        assertEquals(
                "The deploy history " + badLine + " cannot be read: a 'deploy' line has 2 fields instead of 16"
                        + " (line 2). It was damaged, or not written by cloudfront-maven-plugin. Move it away or delete"
                        + " it to start a new history (the bucket and the manifest do not depend on it); the deploys"
                        + " it held can then no longer be listed or rolled back to.",
                e.getMessage());

        Path otherFile = gzip("other.history", "something else\n");
        e = assertThrows(UserFixableException.class, () -> DeployHistory.read(otherFile));
        assertTrue(
                e.getMessage().contains("its first line is not 'cloudfront-maven-plugin history 1'"), e.getMessage());
    }

    @Test
    void aCutOffHistoryIsRefused() throws Exception {
        SiteGenerations site = new SiteGenerations(300, 0.1, 3);
        Path file = dir.resolve("site.history");
        DeployHistory.EMPTY.with(record("1", site.next(), Optional.empty()), 2).write(file);
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.history");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

        UserFixableException e = assertThrows(UserFixableException.class, () -> DeployHistory.read(cut));
        assertTrue(e.getMessage().startsWith("The deploy history " + cut + " cannot be read: "), e.getMessage());
    }

    @Test
    void aHistoryOfANewerFormatAsksForTheNewerPlugin() throws Exception {
        Path file = gzip("newer.history", "cloudfront-maven-plugin history 2\n");
        UserFixableException e = assertThrows(UserFixableException.class, () -> DeployHistory.read(file));
        assertEquals(
                "The deploy history " + file + " is in format '2', which a newer version of cloudfront-maven-plugin"
                        + " wrote; this one reads format 1. Use that newer version.",
                e.getMessage());
    }

    /** Issue 24: 20 deploys of a 10,000-file site, 1% changing each time, take at most 2 MiB beside the manifest. */
    @Test
    void twentyDeploysOfTenThousandObjectsTakeAtMostTwoMiB() throws Exception {
        DeployHistory history = deploys(new SiteGenerations(10_000, 0.01, 2026), 25, 20);
        Path file = dir.resolve("site.history");

        history.write(file);

        long size = Files.size(file);
        System.out.printf("20 deploys of 10,000 objects, 1%% changing each: %,d bytes%n", size);
        assertEquals(20, history.records().size());
        assertTrue(size <= 2 * 1024 * 1024, "the history takes " + size + " bytes");
        assertEquals(history.records(), DeployHistory.read(file).records());
    }

    @Test
    void deployIdsSortByTime() {
        SplittableRandom random = new SplittableRandom(1);
        String first = DeployIds.next(T0, random);
        String second = DeployIds.next(T0.plusMillis(1), random);
        assertTrue(first.matches("20261206T031500\\.123Z-[0-9a-f]{4}"), first);
        assertTrue(first.compareTo(second) < 0, first + " before " + second);
    }

    /**
     * A site whose objects change a fraction at a time: random ETags, hashes and version IDs, as real ones are; a few
     * sets of headers, as a site's rules give.
     */
    private static final class SiteGenerations {
        private static final List<String> HEADER_SETS =
                List.of("1c0e5f9a2b7d3e4f5a6b7c8d", "2d1f6a0b3c8e4f5a6b7c8d9e", "3e2a7b1c4d9f5a6b7c8d9e0f");
        private final SplittableRandom random;
        private final double changing;
        private final TreeMap<String, ObjectState> objects = new TreeMap<>();
        private boolean first = true;

        SiteGenerations(int size, double changing, long seed) {
            this.random = new SplittableRandom(seed);
            this.changing = changing;
            for (int i = 0; i < size; i++) {
                objects.put(String.format("docs/section-%03d/page-%05d.html", i / 100, i), fresh());
            }
        }

        SortedMap<String, ObjectState> next() {
            if (!first) {
                List<String> keys = List.copyOf(objects.keySet());
                int change = (int) Math.round(keys.size() * changing);
                for (int i = 0; i < change; i++) {
                    objects.put(keys.get((int) ((long) keys.size() * i / change)), fresh());
                }
            }
            first = false;
            return new TreeMap<>(objects);
        }

        private ObjectState fresh() {
            return new ObjectState(
                    hex(16),
                    hex(32),
                    random.nextLong(100, 200_000),
                    HEADER_SETS.get(random.nextInt(HEADER_SETS.size())),
                    Optional.of(base64ish()));
        }

        private String hex(int bytes) {
            byte[] b = new byte[bytes];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        }

        /** S3 version IDs are 32 characters of URL-safe base64. */
        private String base64ish() {
            byte[] b = new byte[24];
            random.nextBytes(b);
            return java.util.Base64.getUrlEncoder().encodeToString(b);
        }
    }

    /** {@code count} deploys of the site's next generations, a second apart, keeping {@code keep}. */
    private static DeployHistory deploys(SiteGenerations site, int count, int keep) {
        DeployHistory history = DeployHistory.EMPTY;
        for (int deploy = 0; deploy < count; deploy++) {
            String id = DeployIds.next(T0.plusSeconds(deploy), new SplittableRandom(deploy));
            history = history.with(record(id, site.next(), Optional.empty()), keep);
        }
        return history;
    }

    private static ObjectState state(String etag, String versionId) {
        return new ObjectState(etag, "sha-" + etag, 10, "hdr", Optional.of(versionId));
    }

    private static DeployRecord record(
            String id, SortedMap<String, ObjectState> objects, Optional<String> rolledBackTo) {
        return new DeployRecord(
                id,
                T0,
                T0.plusSeconds(3),
                "host",
                "user",
                Optional.empty(),
                "it.example:site:1.0",
                Optional.empty(),
                rolledBackTo,
                "s3://bucket/",
                new DeployRecord.Counts(1, 0, 0, objects.size(), 100),
                List.of(),
                objects);
    }

    private Path gzip(String name, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static List<String> lines(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
