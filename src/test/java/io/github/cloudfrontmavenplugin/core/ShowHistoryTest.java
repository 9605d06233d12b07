package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import io.github.cloudfrontmavenplugin.publish.PublishedObjects;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowHistoryTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private String manifest;
    private final RecordingProgress progress = new RecordingProgress();
    private final DeployRecord first = record("20261206T031500.123Z-0001", "v1", 2, List.of("E2EXAMPLE I1"));
    private final DeployRecord second = record("20261207T090000.000Z-0002", "v2", 1, List.of());
    private final DeployRecord third = record("20261208T120000.000Z-0003", "v3", 1, List.of("E2EXAMPLE I3"));

    @BeforeEach
    void history() throws Exception {
        manifest = dir.resolve("site.manifest").toString();
        DeployHistory.EMPTY.with(first, 20).with(second, 20).with(third, 20).write(Path.of(manifest + ".history"));
    }

    private void bucketHolds(DeployRecord record) throws Exception {
        Map<String, PublishedObjects.Entry> entries = new TreeMap<>();
        record.objects()
                .forEach((key, state) ->
                        entries.put(key, new PublishedObjects.Entry(state.etag(), state.sha256(), state.headers())));
        new PublishedObjects(entries).write(Path.of(manifest + ".objects"));
    }

    @Test
    void printsTheDeploysNewestFirstOneLineEachAndMarksTheOneTheBucketHolds() throws Exception {
        bucketHolds(second);

        new ShowHistory(progress).run(manifest, 10, null);

        assertEquals(
                List.of(
                        "The last 3 of 3 deploys kept in " + manifest + ".history, newest first:",
                        "20261208T120000.000Z-0003  2026-12-06 03:15:00 UTC  alice@runner-7"
                                + " (https://ci.example/jobs/9)  org.example:site:1.0 @ 0123456789ab  uploaded 1"
                                + " (1.0 KiB), headers 0, deleted 0, unchanged 1  invalidation E2EXAMPLE I3",
                        "20261207T090000.000Z-0002  2026-12-06 03:15:00 UTC  alice@runner-7"
                                + " (https://ci.example/jobs/9)  org.example:site:1.0 @ 0123456789ab  uploaded 1"
                                + " (1.0 KiB), headers 0, deleted 0, unchanged 1  no invalidation  <- the bucket holds"
                                + " this",
                        "20261206T031500.123Z-0001  2026-12-06 03:15:00 UTC  alice@runner-7"
                                + " (https://ci.example/jobs/9)  org.example:site:1.0 @ 0123456789ab  uploaded 2"
                                + " (1.0 KiB), headers 0, deleted 0, unchanged 1  invalidation E2EXAMPLE I1"),
                progress.info);
    }

    @Test
    void countLimitsTheLinesAndAnOlderDeployInTheBucketIsNamed() throws Exception {
        bucketHolds(first);

        new ShowHistory(progress).run(manifest, 1, null);

        assertEquals(3, progress.info.size(), progress.all());
        assertEquals("The last 1 of 3 deploys kept in " + manifest + ".history, newest first:", progress.info.get(0));
        assertEquals("The bucket holds the older deploy 20261206T031500.123Z-0001.", progress.info.get(2));
    }

    @Test
    void aBucketThatMatchesNoRecordChangedSinceTheNewest() throws Exception {
        new PublishedObjects(Map.of("index.html", new PublishedObjects.Entry("other", "sha", "h")))
                .write(Path.of(manifest + ".objects"));

        new ShowHistory(progress).run(manifest, 10, null);

        assertEquals(
                "The bucket changed since the newest record: none of the deploys kept is what " + manifest
                        + ".objects says the bucket holds (a sync that failed part way, or one whose history could not"
                        + " be written).",
                progress.info.get(progress.info.size() - 1));
    }

    @Test
    void anEmptyHistorySaysSo() throws Exception {
        String other = dir.resolve("other.manifest").toString();

        new ShowHistory(progress).run(other, 10, null);

        assertEquals(
                List.of("No deploys are recorded in " + other + ".history yet: cloudfront:sync records each deploy"
                        + " that changes the bucket there."),
                progress.info);
    }

    @Test
    void aCountBelowOneIsRefusedBeforeAnyRead() {
        UserFixableException e = assertThrows(UserFixableException.class, () -> ShowHistory.count(0));
        assertEquals(
                "<count> (cloudfront.count) is 0; it is how many of the last deploys cloudfront:history prints: use 1"
                        + " or more (the default is 10).",
                e.getMessage());
    }

    private static DeployRecord record(String id, String content, int uploaded, List<String> invalidations) {
        TreeMap<String, ObjectState> objects = new TreeMap<>();
        objects.put(
                "site/index.html", new ObjectState("etag-" + content, "sha-" + content, 1024, "h", Optional.empty()));
        objects.put("site/app.css", new ObjectState("etag-css", "sha-css", 10, "h", Optional.empty()));
        return new DeployRecord(
                id,
                Instant.parse("2026-12-06T03:15:00.123Z"),
                Instant.parse("2026-12-06T03:15:04Z"),
                "runner-7",
                "alice",
                Optional.of("https://ci.example/jobs/9"),
                "org.example:site:1.0",
                Optional.of(COMMIT),
                Optional.empty(),
                "s3://www/site/",
                new DeployRecord.Counts(uploaded, 0, 0, 1, 1024),
                invalidations,
                objects);
    }
}
