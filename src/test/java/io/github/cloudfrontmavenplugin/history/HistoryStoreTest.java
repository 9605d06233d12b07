package io.github.cloudfrontmavenplugin.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    @TempDir
    Path dir;

    @Test
    void aLocalHistoryLivesBesideTheManifestAndKeepsTheNewest() throws Exception {
        String manifest = dir.resolve("site.manifest").toString();
        try (HistoryStore store = HistoryStore.open(manifest, ConnectionSettings.forS3(null, null, null))) {
            assertEquals(DeployHistory.EMPTY, store.read());
            store.append(record("1"), 2);
            store.append(record("2"), 2);
            store.append(record("3"), 2);
            assertEquals(dir.resolve("site.manifest.history").toString(), store.describe());
        }
        assertTrue(Files.exists(dir.resolve("site.manifest.history")));
        assertEquals(
                List.of("3", "2"),
                DeployHistory.read(dir.resolve("site.manifest.history")).records().stream()
                        .map(DeployRecord::id)
                        .toList());
    }

    @Test
    void anS3HistoryIsReplacedOnlyIfItIsStillTheOneRead() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("deploys")) {
            ConnectionSettings settings = ConnectionSettings.forS3(null, s3.endpoint(), null)
                    .withRetries(new Retries(3, Duration.ofMillis(1), Duration.ofMillis(5)));
            String manifest = "s3://deploys/www/site.manifest";
            try (HistoryStore store = HistoryStore.open(manifest, settings)) {
                store.append(record("1"), 20);
                store.append(record("2"), 20);
                assertEquals("s3://deploys/www/site.manifest.history", store.describe());
            }
            List<S3Emulator.S3Request> puts =
                    s3.requests().stream().filter(r -> r.method().equals("PUT")).toList();
            assertEquals(Optional.of("*"), puts.get(0).ifNoneMatch());
            assertTrue(puts.get(1).ifMatch().isPresent(), puts.get(1).toString());

            try (HistoryStore first = HistoryStore.open(manifest, settings);
                    HistoryStore second = HistoryStore.open(manifest, settings)) {
                first.read();
                second.append(record("3"), 20);
                assertThrows(UserFixableException.class, () -> first.append(record("4"), 20));
                assertEquals(
                        List.of("3", "2", "1"),
                        first.read().records().stream().map(DeployRecord::id).toList());
            }
        }
    }

    @Test
    void aMissingManifestLocationIsExplained() {
        UserFixableException e = assertThrows(
                UserFixableException.class, () -> HistoryStore.open(" ", ConnectionSettings.forS3(null, null, null)));
        assertTrue(e.getMessage().startsWith("<manifest> (cloudfront.manifest) is not set."), e.getMessage());
    }

    private static DeployRecord record(String id) {
        TreeMap<String, ObjectState> objects = new TreeMap<>();
        objects.put("index.html", new ObjectState("e" + id, "s" + id, 3, "h", Optional.of("v" + id)));
        return new DeployRecord(
                id,
                Instant.EPOCH,
                Instant.EPOCH,
                "host",
                "user",
                Optional.empty(),
                "g:a:1",
                Optional.empty(),
                Optional.empty(),
                "s3://site/",
                new DeployRecord.Counts(1, 0, 0, 0, 3),
                List.of(),
                objects);
    }
}
