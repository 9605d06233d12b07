package io.github.cloudfrontmavenplugin.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cloudfront:unlock} removes a lock only when given the ID it still has. */
class UnlockTest {
    private static final Instant TAKEN = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;

    private S3Emulator s3;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void start() throws Exception {
        s3 = S3Emulator.start().createBucket("deploys");
        s3.putObject("deploys", "www/manifest.txt.lock", lock("stale-1"));
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private static byte[] lock(String id) {
        return new LockInfo(id, "ci-3", "bob", "g:a:1", Optional.empty(), TAKEN, TAKEN.plusSeconds(60)).bytes();
    }

    private void unlock(String manifest, String id) throws Exception {
        new Unlock(progress)
                .run(
                        manifest,
                        id,
                        ConnectionSettings.forS3(null, s3.endpoint(), null)
                                .withRetries(new Retries(2, Duration.ofMillis(1), Duration.ofMillis(5))));
    }

    @Test
    void aWrongIdLeavesTheLockAndNamesTheOneItHas() throws Exception {
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> unlock("s3://deploys/www/manifest.txt", "other-9"));

        assertEquals(
                "The deploy lock s3://deploys/www/manifest.txt.lock has the lock ID stale-1, not other-9, so it was"
                        + " not removed: it is held by g:a:1 on ci-3 by bob since 2026-12-06T10:00:00Z. If that"
                        + " deploy is not running either, run cloudfront:unlock with -Dcloudfront.lockId=stale-1.",
                e.getMessage());
        assertTrue(s3.object("deploys", "www/manifest.txt.lock").isPresent());
    }

    @Test
    void theRightIdRemovesIt() throws Exception {
        unlock("s3://deploys/www/manifest.txt", "stale-1");

        assertEquals(Optional.empty(), s3.object("deploys", "www/manifest.txt.lock"));
        assertTrue(progress.info.get(0).startsWith("Removed the deploy lock s3://deploys/www/manifest.txt.lock"));
    }

    @Test
    void noLockIsAnErrorNamingWhereItLooked() throws Exception {
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> unlock("s3://deploys/blog/manifest.txt", "stale-1"));

        assertTrue(e.getMessage().startsWith("There is no deploy lock s3://deploys/blog/manifest.txt.lock"));
    }

    @Test
    void aLocalLockIsRemovedTheSameWay() throws Exception {
        Path manifest = dir.resolve("manifest.txt");
        Files.write(Path.of(manifest + ".lock"), lock("local-2"));

        assertThrows(UserFixableException.class, () -> unlock(manifest.toString(), "nope"));
        unlock(manifest.toString(), "local-2");

        assertFalse(Files.exists(Path.of(manifest + ".lock")));
    }
}
