package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EndOfReactorTest {
    private static InvalidateRequest request(String distribution, String path, boolean dryRun) throws Exception {
        return request(ConnectionSettings.forCloudFront("aws-global", null, null), distribution, path, dryRun);
    }

    @Test
    void holdsEveryRequestUntilTheLastExpectedExecutionThenGroupsThemByBatch() throws Exception {
        EndOfReactor end = new EndOfReactor(Map.of("www", 1, "docs", 1, "blog", 1, "skipped", 1));
        InvalidateRequest www = request("EDFDVBD6EXAMPLE", "/index.html", false);
        InvalidateRequest docs = request("www.Example.com", "/docs/*", false);
        InvalidateRequest blog = request("E2SECONDEXAMPLE", "/blog/*", false);

        assertEquals(new EndOfReactor.Arrival(List.of(), 3), end.arrive("www", Optional.of(www)));
        assertEquals(new EndOfReactor.Arrival(List.of(), 2), end.arrive("skipped", Optional.empty()));
        assertEquals(new EndOfReactor.Arrival(List.of(), 1), end.arrive("blog", Optional.of(blog)));
        EndOfReactor.Arrival last = end.arrive("docs", Optional.of(docs));

        assertEquals(0, last.modulesToCome());
        // The ID and the alias are different names; only the same names are known to share a batch before lookup.
        assertEquals(
                List.of(
                        new EndOfReactor.Due(List.of("www"), List.of(www)),
                        new EndOfReactor.Due(List.of("blog"), List.of(blog)),
                        new EndOfReactor.Due(List.of("docs"), List.of(docs))),
                last.due());
    }

    @Test
    void requestsForTheSameDistributionsShareOneBatchButADryRunDoesNot() throws Exception {
        EndOfReactor end = new EndOfReactor(Map.of("a", 1, "b", 2));
        InvalidateRequest a = request("www.example.com", "/a", false);
        InvalidateRequest b1 = request(" WWW.EXAMPLE.COM ", "/b1", false);
        InvalidateRequest b2 = request("www.example.com", "/b2", true);

        end.arrive("a", Optional.of(a));
        end.arrive("b", Optional.of(b1));
        EndOfReactor.Arrival last = end.arrive("b", Optional.of(b2));

        assertEquals(
                List.of(
                        new EndOfReactor.Due(List.of("a", "b"), List.of(a, b1)),
                        new EndOfReactor.Due(List.of("b"), List.of(b2))),
                last.due());
    }

    @Test
    void modulesToComeCountsModulesNotExecutions() throws Exception {
        EndOfReactor end = new EndOfReactor(Map.of("a", 1, "b", 2));

        assertEquals(
                2,
                end.arrive("b", Optional.of(request("EDFDVBD6EXAMPLE", "/b1", false)))
                        .modulesToCome());
        assertEquals(
                1,
                end.arrive("a", Optional.of(request("EDFDVBD6EXAMPLE", "/a", false)))
                        .modulesToCome());
        EndOfReactor.Arrival last = end.arrive("b", Optional.of(request("EDFDVBD6EXAMPLE", "/b2", false)));

        assertEquals(0, last.modulesToCome());
        assertEquals(3, last.due().get(0).requests().size());
    }

    @Test
    void anExecutionNobodyExpectedRunsAtOnceRatherThanBeingHeld() throws Exception {
        EndOfReactor end = new EndOfReactor(Map.of("a", 1, "b", 1));
        InvalidateRequest surprise = request("EDFDVBD6EXAMPLE", "/c", false);
        InvalidateRequest again = request("EDFDVBD6EXAMPLE", "/a2", false);

        assertEquals(
                List.of(new EndOfReactor.Due(List.of("c"), List.of(surprise))),
                end.arrive("c", Optional.of(surprise)).due());
        end.arrive("a", Optional.of(request("EDFDVBD6EXAMPLE", "/a", false)));
        assertEquals(
                List.of(new EndOfReactor.Due(List.of("a"), List.of(again))),
                end.arrive("a", Optional.of(again)).due());
        assertEquals(
                1, end.arrive("b", Optional.empty()).due().get(0).requests().size());
    }

    @Test
    void sendsTheDueBatchesTogetherAndFailsAfterAllFinished() throws Exception {
        try (EmulatedCloudFront cloudFront = new EmulatedCloudFront(Duration.ofSeconds(30))) {
            cloudFront.emulator.addDistribution("E2SECONDEXAMPLE");
            cloudFront.emulator.inject(
                    "CreateInvalidation",
                    Fault.holdUntilInFlight(3),
                    Fault.holdUntilInFlight(3),
                    Fault.holdUntilInFlight(3));
            List<EndOfReactor.Due> due = List.of(
                    new EndOfReactor.Due(
                            List.of("www", "docs"),
                            List.of(
                                    request(cloudFront, "EDFDVBD6EXAMPLE", "/index.html"),
                                    request(cloudFront, "EDFDVBD6EXAMPLE", "/docs/*"))),
                    new EndOfReactor.Due(List.of("blog"), List.of(request(cloudFront, "E2SECONDEXAMPLE", "/blog/*"))),
                    new EndOfReactor.Due(List.of("shop"), List.of(request(cloudFront, "ENOSUCHDIST", "/shop/*"))));
            RecordingProgress progress = new RecordingProgress();
            SplittableRandom random = new SplittableRandom(3);

            UserFixableException e = assertThrows(
                    UserFixableException.class,
                    () -> EndOfReactor.send(
                            due,
                            progress,
                            log -> new Deploy(
                                    Connector.CLOUDFRONT,
                                    cloudFront.time,
                                    random,
                                    Map.<String, String>of()::get,
                                    log)));

            assertTrue(e.getMessage().contains("NoSuchDistribution"), e.getMessage());
            assertEquals(
                    List.of(List.of("/index.html", "/docs/*")),
                    cloudFront.emulator.invalidations("EDFDVBD6EXAMPLE").stream()
                            .map(StoredInvalidation::paths)
                            .toList());
            assertEquals(1, cloudFront.emulator.invalidations("E2SECONDEXAMPLE").size());
            assertEquals(3, cloudFront.emulator.mostInFlight("CreateInvalidation"));
            assertTrue(
                    progress.info.contains(
                            "[EDFDVBD6EXAMPLE] One invalidation at the end of the build for 2 modules:" + " www, docs"),
                    progress.all());
            assertTrue(
                    progress.warnings.stream().anyMatch(w -> w.startsWith("The invalidation for shop failed: ")),
                    progress.all());
        }
    }

    private static InvalidateRequest request(EmulatedCloudFront cloudFront, String distribution, String path) {
        return request(cloudFront.connection, distribution, path, false);
    }

    private static InvalidateRequest request(
            ConnectionSettings connection, String distribution, String path, boolean dryRun) {
        return new InvalidateRequest(
                List.of(distribution),
                List.of(path),
                Optional.empty(),
                Optional.empty(),
                "module",
                WaitSettings.NO_WAIT,
                Duration.ZERO,
                dryRun,
                Optional.empty(),
                connection,
                Optional.empty(),
                new Budget(100, 15),
                List.of(),
                false,
                LockSettings.DEFAULT);
    }
}
