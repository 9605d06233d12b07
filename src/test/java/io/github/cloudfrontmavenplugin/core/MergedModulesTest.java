package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules by which the requests of several modules become the one batch sent at the end of a build (the README's
 * "Several distributions and multi-module builds"), each checked on what CloudFront received, on a fake clock.
 */
class MergedModulesTest {
    private static final String DISTRIBUTION = CloudFrontEmulator.DISTRIBUTION_ID;

    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private CloudFrontEmulator emulator;
    private final RecordingProgress progress = new RecordingProgress();
    private final SplittableRandom random = new SplittableRandom(7);

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(10));
        emulator = cloudFront.emulator;
    }

    @AfterEach
    void stop() {
        cloudFront.close();
    }

    /** One module's request: its paths, and only the settings a test changes. */
    private record Module(
            List<String> paths,
            WaitSettings waiting,
            Duration inProgressRetryTimeout,
            Optional<Path> outputFile,
            Budget budget,
            Optional<String> callerReference) {
        static Module of(String... paths) {
            return new Module(
                    List.of(paths),
                    WaitSettings.NO_WAIT,
                    Duration.ofSeconds(300),
                    Optional.empty(),
                    new Budget(100, 15),
                    Optional.empty());
        }

        Module waiting(int timeoutSeconds) throws UserFixableException {
            return new Module(
                    paths,
                    WaitSettings.of(true, timeoutSeconds, true),
                    inProgressRetryTimeout,
                    outputFile,
                    budget,
                    callerReference);
        }

        Module inProgressRetryTimeout(int seconds) {
            return new Module(paths, waiting, Duration.ofSeconds(seconds), outputFile, budget, callerReference);
        }

        Module outputFile(Path file) {
            return new Module(paths, waiting, inProgressRetryTimeout, Optional.of(file), budget, callerReference);
        }

        Module budget(int maxPaths, int maxWildcards) {
            return new Module(
                    paths,
                    waiting,
                    inProgressRetryTimeout,
                    outputFile,
                    new Budget(maxPaths, maxWildcards),
                    callerReference);
        }

        Module callerReference(String reference) {
            return new Module(paths, waiting, inProgressRetryTimeout, outputFile, budget, Optional.of(reference));
        }
    }

    private List<InvalidationInfo> runMerged(Module... modules) throws Exception {
        List<InvalidateRequest> requests = java.util.Arrays.stream(modules)
                .map(m -> new InvalidateRequest(
                        List.of(DISTRIBUTION),
                        m.paths(),
                        Optional.empty(),
                        m.callerReference(),
                        "site",
                        m.waiting(),
                        m.inProgressRetryTimeout(),
                        false,
                        m.outputFile(),
                        cloudFront.connection,
                        Optional.empty(),
                        m.budget(),
                        List.of(),
                        false,
                        LockSettings.DEFAULT))
                .toList();
        return new Deploy(Connector.CLOUDFRONT, cloudFront.time, random, Map.<String, String>of()::get, progress)
                .run(requests);
    }

    @Test
    void theBatchIsWaitedForWhenAnyModuleWaits() throws Exception {
        List<InvalidationInfo> result =
                runMerged(Module.of("/a"), Module.of("/b").waiting(900));

        assertEquals("Completed", result.get(0).status());
        assertEquals(1, emulator.invalidations().size());
        assertTrue(emulator.firstReportedCompleted(result.get(0).id()).isPresent());
    }

    @Test
    void theLongestWaitTimeoutApplies() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(20));

        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> runMerged(Module.of("/a").waiting(60), Module.of("/b").waiting(600)));

        assertTrue(e.getMessage().contains("is still InProgress after 600 s"), e.getMessage());
        assertEquals(Duration.ofSeconds(600), cloudFront.time.elapsed());
    }

    @Test
    void theLongestInProgressRetryTimeoutApplies() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(10));
        runMerged(
                Module.of(IntStream.range(0, 15).mapToObj(i -> "/w" + i + "/*").toArray(String[]::new)));
        long before = cloudFront.time.elapsed().toSeconds();

        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> runMerged(
                        Module.of("/x/*").inProgressRetryTimeout(60),
                        Module.of("/y/*").inProgressRetryTimeout(120)));

        assertTrue(e.getMessage().contains("within 120 s"), e.getMessage());
        assertEquals(120, cloudFront.time.elapsed().toSeconds() - before);
    }

    @Test
    void everyModulesOutputFileIsWritten() throws Exception {
        Path first = dir.resolve("www/invalidation.json");
        Path second = dir.resolve("docs/invalidation.json");

        runMerged(Module.of("/a").outputFile(first), Module.of("/docs/b").outputFile(second));

        String id = emulator.invalidations().get(0).id();
        assertTrue(Files.readString(first).contains("\"Id\": \"" + id + "\""), Files.readString(first));
        assertEquals(Files.readString(first), Files.readString(second));
    }

    @Test
    void theSmallestMaxPathsAndMaxWildcardsBoundTheBatch() throws Exception {
        String[] docs =
                IntStream.range(0, 6).mapToObj(i -> "/docs/p" + i + ".html").toArray(String[]::new);
        String[] blog =
                IntStream.range(0, 6).mapToObj(i -> "/blog/p" + i + ".html").toArray(String[]::new);

        runMerged(Module.of(docs).budget(100, 15), Module.of(blog).budget(4, 1));

        List<String> sent = emulator.invalidations().get(0).paths();
        assertTrue(sent.size() <= 4, sent.toString());
        assertTrue(sent.stream().filter(p -> p.endsWith("*")).count() <= 1, sent.toString());
        List<String> all = new java.util.ArrayList<>(List.of(docs));
        all.addAll(List.of(blog));
        assertTrue(
                io.github.cloudfrontmavenplugin.emulator.ItEmulator.uncovered(all, sent)
                        .isEmpty(),
                sent.toString());
    }

    @Test
    void conflictingCallerReferencesAreAnErrorBeforeAnyCall() {
        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> runMerged(
                        Module.of("/a").callerReference("ref-a"),
                        Module.of("/b").callerReference("ref-b")));

        assertTrue(e.getMessage().contains("different <callerReference>s (cloudfront.callerReference): ref-a, ref-b"));
        assertTrue(emulator.requests().isEmpty(), emulator.requests().toString());
    }

    @Test
    void theSameCallerReferenceInEveryModuleIsSentOnce() throws Exception {
        runMerged(Module.of("/a").callerReference("release-7"), Module.of("/b").callerReference("release-7"));

        List<StoredInvalidation> stored = emulator.invalidations();
        assertEquals(1, stored.size());
        assertEquals("release-7", stored.get(0).callerReference());
        assertEquals(List.of("/a", "/b"), stored.get(0).paths());
    }
}
