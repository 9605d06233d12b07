package io.github.cloudfrontmavenplugin.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.FakeTime;
import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.SteppedTime;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy lock against the S3 emulator and a local file, on clocks the test moves: taken with a conditional create,
 * renewed every third of its lease, removed when the deploy ends, taken over by exactly one contender once its lease
 * ran out, waited for with a report every 15 s, and lost (stopping the deploy) when another deploy takes it.
 */
class DeployLockTest {
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private static final String MANIFEST = "s3://deploys/www/manifest.txt";
    private static final String KEY = "www/manifest.txt.lock";
    private static final Function<String, String> GITHUB = Map.of(
            "GITHUB_SERVER_URL", "https://github.com",
            "GITHUB_REPOSITORY", "example/site",
            "GITHUB_RUN_ID", "42",
            "HOSTNAME", "runner-7")::get;

    @TempDir
    Path dir;

    private S3Emulator s3;
    private final RecordingProgress progress = new RecordingProgress();
    private final List<DeployLock> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        s3 = S3Emulator.start().createBucket("deploys");
    }

    @AfterEach
    void stop() {
        toClose.forEach(DeployLock::close);
        s3.close();
    }

    private ConnectionSettings settings() throws UserFixableException {
        return ConnectionSettings.forS3(null, s3.endpoint(), null)
                .withRetries(new Retries(2, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private LockStore s3Store(TimeSource time) throws UserFixableException {
        return LockStores.open(MANIFEST, settings(), time);
    }

    private static LockSettings lease(int leaseSeconds, int timeoutSeconds) throws UserFixableException {
        return LockSettings.of(leaseSeconds, timeoutSeconds, "it.example:site:1.0");
    }

    private DeployLock take(LockStore store, LockSettings settings, LockTiming timing, Function<String, String> env)
            throws Exception {
        DeployLock lock = DeployLock.take(store, MANIFEST, settings, timing, env, progress);
        toClose.add(lock);
        return lock;
    }

    /** A lock of another build, as it would have written it. */
    private static byte[] othersLock(String id, Instant taken, Instant expires) {
        return new LockInfo(
                        id,
                        "other-host",
                        "alice",
                        "it.example:site:0.9",
                        Optional.of("https://ci.example/job/7"),
                        taken,
                        expires)
                .bytes();
    }

    private LockInfo storedLock() throws Exception {
        return LockInfo.parse(s3.object("deploys", KEY).orElseThrow());
    }

    private static void awaitRenewals(DeployLock lock, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (lock.renewals() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(count, lock.renewals());
    }

    private void awaitWarning(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (progress.warnings.stream().noneMatch(w -> w.contains(fragment)) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(progress.warnings.stream().anyMatch(w -> w.contains(fragment)), progress.all());
    }

    @Test
    void aLockIsCreatedOnlyIfAbsentNamesItsHolderAndIsRemovedAtTheEnd() throws Exception {
        SteppedTime time = new SteppedTime(START);
        DeployLock lock = take(s3Store(time), lease(60, 0), LockTiming.of(time), GITHUB);

        LockInfo stored = storedLock();
        assertEquals(lock.id(), stored.id());
        assertEquals("it.example:site:1.0", stored.project());
        assertEquals("runner-7", stored.host());
        assertEquals(Optional.of("https://github.com/example/site/actions/runs/42"), stored.ciJob());
        assertEquals(START, stored.taken());
        assertEquals(START.plusSeconds(60), stored.expires());
        S3Emulator.S3Request create = s3.requests().get(0);
        assertEquals("PUT", create.method());
        assertEquals(Optional.of("*"), create.ifNoneMatch());

        lock.close();

        assertEquals(Optional.empty(), s3.object("deploys", KEY));
        S3Emulator.S3Request delete = s3.requests().get(s3.requests().size() - 1);
        assertEquals("DELETE", delete.method());
        assertTrue(delete.ifMatch().isPresent(), delete.toString());
    }

    @Test
    void theLeaseIsRenewedEveryThirdOfItWithIfMatch() throws Exception {
        SteppedTime time = new SteppedTime(START);
        DeployLock lock = take(s3Store(time), lease(60, 0), LockTiming.of(time), GITHUB);

        for (int renewal = 1; renewal <= 3; renewal++) {
            time.awaitSleepers(1);
            time.step(Duration.ofSeconds(19));
            assertEquals(renewal - 1, lock.renewals(), "no renewal before a third of the lease");
            time.step(Duration.ofSeconds(1));
            awaitRenewals(lock, renewal);
            assertEquals(START.plusSeconds(20L * renewal + 60), storedLock().expires());
        }
        List<S3Emulator.S3Request> renewals = s3.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.ifMatch().isPresent())
                .toList();
        assertEquals(3, renewals.size());
        assertTrue(renewals.stream().allMatch(r -> r.status() == 200), renewals.toString());
        assertEquals(START, storedLock().taken());
    }

    @Test
    void aLockWhoseLeaseRanOutIsTakenOverByExactlyOneOfTwoContenders() throws Exception {
        s3.putObject("deploys", KEY, othersLock("dead-1", START.minusSeconds(600), START.minusSeconds(1)));
        // Both contenders read the stale lock before either writes: both try to take it over.
        s3.readersMeetBeforeAnswering(2);
        SteppedTime renewals = new SteppedTime(START);
        FakeTime time = new FakeTime(START);
        LockTiming timing = new LockTiming(time, renewals, LockTiming.POLL, LockTiming.REPORT);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DeployLock>> contenders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                LockStore store = s3Store(time);
                contenders.add(pool.submit(() -> take(store, lease(60, 0), timing, GITHUB)));
            }
            List<DeployLock> winners = new ArrayList<>();
            List<String> losers = new ArrayList<>();
            for (Future<DeployLock> contender : contenders) {
                try {
                    winners.add(contender.get(1, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    losers.add(e.getCause().getMessage());
                }
            }
            assertEquals(1, winners.size(), losers.toString());
            assertEquals(1, losers.size());
            String winner = winners.get(0).id();
            assertEquals(winner, storedLock().id());
            assertTrue(losers.get(0).contains("lock ID " + winner), losers.get(0));
            // Two creates refused (the stale lock exists), then two takeovers on its ETag, of which one is refused.
            List<S3Emulator.S3Request> takeovers = s3.requests().stream()
                    .filter(r -> r.method().equals("PUT") && r.ifMatch().isPresent())
                    .toList();
            assertEquals(2, takeovers.size(), s3.requests().toString());
            assertEquals(
                    List.of(200, 412),
                    takeovers.stream()
                            .map(S3Emulator.S3Request::status)
                            .sorted()
                            .toList());
            assertEquals(1, progress.warnings.size(), progress.all());
            assertTrue(
                    progress.warnings
                            .get(0)
                            .startsWith("Took over the deploy lock s3://deploys/www/manifest.txt.lock from"
                                    + " it.example:site:0.9 on other-host by alice (https://ci.example/job/7) (lock ID"
                                    + " dead-1, held since 2026-12-06T09:50:00Z): its lease ran out at"
                                    + " 2026-12-06T09:59:59Z"),
                    progress.warnings.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConditionalWriteThatRacedAnotherIsRetried() throws Exception {
        s3.conflictOnConditionalWrites(KEY::equals, 2);
        FakeTime time = new FakeTime(START);
        LockTiming timing = new LockTiming(time, new SteppedTime(START), LockTiming.POLL, LockTiming.REPORT);

        DeployLock lock = take(s3Store(time), lease(60, 0), timing, GITHUB);

        assertEquals(lock.id(), storedLock().id());
        assertEquals(2, s3.count("PutObject", 409));
        assertEquals(1, s3.count("PutObject", 200));
        // The SDK does not retry 409 itself: the lock store paused before each attempt.
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), time.sleeps());
    }

    @Test
    void aConflictThatPersistsFailsNamingS3sAnswer() throws Exception {
        s3.conflictOnConditionalWrites(KEY::equals, 100);
        FakeTime time = new FakeTime(START);
        LockTiming timing = new LockTiming(time, new SteppedTime(START), LockTiming.POLL, LockTiming.REPORT);

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> take(s3Store(time), lease(60, 0), timing, GITHUB));

        assertTrue(e.getMessage().contains("409 ConditionalRequestConflict 5 times"), e.getMessage());
        assertEquals(S3LockStore.CONFLICT_ATTEMPTS, s3.count("PutObject", 409));
    }

    @Test
    void aRenewalRefusedWith412LosesTheLockAndStopsTheNextWrite() throws Exception {
        SteppedTime time = new SteppedTime(START);
        DeployLock lock = take(s3Store(time), lease(60, 0), LockTiming.of(time), GITHUB);
        lock.check("uploading to s3://www/");
        // Another deploy took the lock over (its clock thought the lease had run out).
        byte[] theirs = othersLock("thief-2", START.plusSeconds(5), START.plusSeconds(65));
        s3.putObject("deploys", KEY, theirs);

        time.awaitSleepers(1);
        time.step(Duration.ofSeconds(20));
        awaitWarning("lost the deploy lock");

        UserFixableException e = assertThrows(UserFixableException.class, () -> lock.check("deleting from s3://www/"));
        assertTrue(
                e.getMessage()
                        .startsWith("Stopped before deleting from s3://www/: this deploy no longer holds the deploy"
                                + " lock s3://deploys/www/manifest.txt.lock (another deploy took it over"),
                e.getMessage());
        assertTrue(e.getMessage().contains("lock ID thief-2"), e.getMessage());
        assertEquals(1, s3.count("PutObject", 412));
        lock.close();
        // Not ours any more: left alone.
        assertEquals(
                new String(theirs, StandardCharsets.UTF_8),
                new String(s3.object("deploys", KEY).orElseThrow()));
    }

    @Test
    void renewalsThatFailUntilTheLeaseRunsOutLoseTheLock() throws Exception {
        SteppedTime time = new SteppedTime(START);
        DeployLock lock = take(s3Store(time), lease(60, 0), LockTiming.of(time), GITHUB);
        s3.failKeys("PutObject", KEY::equals, 403, "AccessDenied");

        for (int tick = 1; tick <= 2; tick++) {
            time.awaitSleepers(1);
            time.step(Duration.ofSeconds(20));
            awaitWarning("trying again before its lease runs out at 2026-12-06T10:01:00Z");
            lock.check("uploading"); // still within the lease
            progress.warnings.clear();
        }
        time.awaitSleepers(1);
        time.step(Duration.ofSeconds(20));
        awaitWarning("lost the deploy lock");

        UserFixableException e = assertThrows(UserFixableException.class, () -> lock.check("recording the manifest"));
        assertTrue(e.getMessage().contains("its lease ran out at 2026-12-06T10:01:00Z"), e.getMessage());
    }

    @Test
    void aHeldLockIsWaitedForWithAReportEvery15SecondsThenFailsNamingTheHolder() throws Exception {
        s3.putObject("deploys", KEY, othersLock("busy-3", START.minusSeconds(30), START.plusSeconds(3600)));
        FakeTime time = new FakeTime(START);

        UserFixableException e = assertThrows(
                UserFixableException.class, () -> take(s3Store(time), lease(60, 60), LockTiming.of(time), GITHUB));

        assertEquals(Duration.ofSeconds(60), time.elapsed());
        List<String> reports = progress.infoStartingWith("Waiting for the deploy lock");
        assertEquals(4, reports.size(), progress.all());
        assertTrue(reports.get(0).endsWith("): waiting up to 60 s (lockTimeout)"), reports.get(0));
        assertEquals(
                "Waiting for the deploy lock s3://deploys/www/manifest.txt.lock held by it.example:site:0.9 on"
                        + " other-host by alice (https://ci.example/job/7) since 2026-12-06T09:59:30Z (lock ID busy-3,"
                        + " lease until 2026-12-06T11:00:00Z): waited 15 s of up to 60 s (lockTimeout)",
                reports.get(1));
        assertTrue(reports.get(3).endsWith("): waited 45 s of up to 60 s (lockTimeout)"), reports.get(3));
        assertEquals(
                "Another deploy holds the deploy lock s3://deploys/www/manifest.txt.lock of the manifest"
                        + " s3://deploys/www/manifest.txt: it.example:site:0.9 on other-host by alice"
                        + " (https://ci.example/job/7), since 2026-12-06T09:59:30Z, lock ID busy-3 (its lease runs"
                        + " until 2026-12-06T11:00:00Z); this deploy waited 60 s (<lockTimeout>,"
                        + " cloudfront.lockTimeout). If that deploy is still running, try again once it ended or raise"
                        + " lockTimeout. If it died, its lease runs out by itself at 2026-12-06T11:00:00Z and the next"
                        + " deploy takes the lock over; to remove it now: mvn cloudfront:unlock"
                        + " -Dcloudfront.manifest=s3://deploys/www/manifest.txt -Dcloudfront.lockId=busy-3",
                e.getMessage());
        // Polled every 5 s: 13 reads in 60 s, no more.
        assertEquals(13, s3.count("GetObject", 200));
    }

    @Test
    void aTimeoutOfZeroFailsAtOnce() throws Exception {
        s3.putObject("deploys", KEY, othersLock("busy-4", START, START.plusSeconds(60)));
        FakeTime time = new FakeTime(START);

        UserFixableException e = assertThrows(
                UserFixableException.class, () -> take(s3Store(time), lease(60, 0), LockTiming.of(time), GITHUB));

        assertEquals(Duration.ZERO, time.elapsed());
        assertTrue(e.getMessage().contains("<lockTimeout> (cloudfront.lockTimeout) is 0"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dcloudfront.lockId=busy-4"), e.getMessage());
    }

    @Test
    void aDeployThatWaitedTakesTheLockOnceTheHolderRemovedIt() throws Exception {
        Path manifest = dir.resolve("manifest.txt");
        LockStore file = new LocalLockStore(Path.of(manifest + ".lock"));
        Files.write(Path.of(manifest + ".lock"), othersLock("busy-5", START, START.plusSeconds(600)));
        FakeTime time = new FakeTime(START);
        // The holder ends its deploy while this one waits: at the third look.
        LockStore removedAtTheThirdRead = new LockStore() {
            private int reads;

            @Override
            public Optional<Stored> read() throws UserFixableException, InterruptedException {
                if (++reads == 3) {
                    try {
                        Files.delete(Path.of(manifest + ".lock"));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return file.read();
            }

            @Override
            public String create(byte[] content) throws Changed, UserFixableException, InterruptedException {
                return file.create(content);
            }

            @Override
            public String replace(String version, byte[] content)
                    throws Changed, UserFixableException, InterruptedException {
                return file.replace(version, content);
            }

            @Override
            public void delete(String version) throws Changed, UserFixableException, InterruptedException {
                file.delete(version);
            }

            @Override
            public String describe() {
                return file.describe();
            }

            @Override
            public void close() {}
        };
        LockTiming timing = new LockTiming(time, new SteppedTime(START), LockTiming.POLL, LockTiming.REPORT);

        DeployLock lock = take(removedAtTheThirdRead, lease(60, 600), timing, GITHUB);

        assertEquals(Duration.ofSeconds(10), time.elapsed());
        assertEquals(
                lock.id(),
                LockInfo.parse(Files.readAllBytes(Path.of(manifest + ".lock"))).id());
        lock.close();
        assertFalse(Files.exists(Path.of(manifest + ".lock")));
    }

    @Test
    void aLocalLockIsCreatedExclusivelyRenewedAndRemoved() throws Exception {
        Path lockFile = dir.resolve("deploys/manifest.txt.lock");
        SteppedTime time = new SteppedTime(START);
        DeployLock lock = take(new LocalLockStore(lockFile), lease(30, 0), LockTiming.of(time), GITHUB);

        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> take(new LocalLockStore(lockFile), lease(30, 0), LockTiming.of(time), GITHUB));
        assertTrue(e.getMessage().contains("lock ID " + lock.id()), e.getMessage());

        time.awaitSleepers(1);
        time.step(Duration.ofSeconds(10));
        awaitRenewals(lock, 1);
        assertEquals(
                START.plusSeconds(40),
                LockInfo.parse(Files.readAllBytes(lockFile)).expires());

        lock.close();
        assertFalse(Files.exists(lockFile));
    }

    @Test
    void aLocalLockRewrittenByAnotherDeployIsLostAndLeftAlone() throws Exception {
        Path lockFile = dir.resolve("manifest.txt.lock");
        SteppedTime time = new SteppedTime(START);
        DeployLock lock = take(new LocalLockStore(lockFile), lease(30, 0), LockTiming.of(time), GITHUB);
        byte[] theirs = othersLock("thief-6", START, START.plusSeconds(30));
        Files.write(lockFile, theirs);

        time.awaitSleepers(1);
        time.step(Duration.ofSeconds(10));
        awaitWarning("lost the deploy lock");
        assertThrows(UserFixableException.class, () -> lock.check("uploading"));
        lock.close();

        assertEquals(new String(theirs, StandardCharsets.UTF_8), Files.readString(lockFile));
    }

    @Test
    void anExpiredLocalLockIsTakenOverByExactlyOneOfTwoContenders() throws Exception {
        Path lockFile = dir.resolve("manifest.txt.lock");
        Files.write(lockFile, othersLock("dead-7", START.minusSeconds(100), START.minusSeconds(10)));
        FakeTime time = new FakeTime(START);
        LockTiming timing = new LockTiming(time, new SteppedTime(START), LockTiming.POLL, LockTiming.REPORT);
        LockStore.Stored stale = new LocalLockStore(lockFile).read().orElseThrow();

        // Both read the stale lock; only the first replace on its version holds.
        String first = new LocalLockStore(lockFile).replace(stale.version(), othersLock("a", START, START));
        assertThrows(
                LockStore.Changed.class,
                () -> new LocalLockStore(lockFile).replace(stale.version(), othersLock("b", START, START)));
        assertEquals(LocalLockStore.sha256(Files.readAllBytes(lockFile)), first);

        // And through the lock: a contender that finds the lock expired takes it over, saying from whom.
        Files.write(lockFile, othersLock("dead-7", START.minusSeconds(100), START.minusSeconds(10)));
        DeployLock lock = take(new LocalLockStore(lockFile), lease(30, 0), timing, GITHUB);
        assertEquals(lock.id(), LockInfo.parse(Files.readAllBytes(lockFile)).id());
        assertTrue(progress.warnings.get(0).contains("(lock ID dead-7"), progress.all());
    }

    @Test
    void aDryRunThatCannotReadTheLockGoesOn() throws Exception {
        s3.withoutListBucket();
        FakeTime time = new FakeTime(START);

        DeployLock.reportForDryRun(s3Store(time), MANIFEST, LockTiming.of(time), progress);

        assertEquals(1, progress.info.size(), progress.all());
        assertTrue(
                progress.info
                        .get(0)
                        .startsWith("Dry run: could not read the deploy lock (Cannot read the deploy lock"
                                + " s3://deploys/www/manifest.txt.lock: access denied (AccessDenied)."),
                progress.info.get(0));
    }

    @Test
    void aDryRunSaysWhoHoldsTheLockAndTakesNone() throws Exception {
        s3.putObject("deploys", KEY, othersLock("busy-8", START, START.plusSeconds(60)));
        FakeTime time = new FakeTime(START);

        DeployLock.reportForDryRun(s3Store(time), MANIFEST, LockTiming.of(time), progress);

        assertEquals(
                List.of("Dry run: the deploy lock s3://deploys/www/manifest.txt.lock is held by it.example:site:0.9 on"
                        + " other-host by alice (https://ci.example/job/7) since 2026-12-06T10:00:00Z (lock ID"
                        + " busy-8); a deploy would wait for it. A dry run takes no lock."),
                progress.info);
        assertEquals(0, s3.count("PutObject", 200) + s3.count("PutObject", 412));
    }
}
