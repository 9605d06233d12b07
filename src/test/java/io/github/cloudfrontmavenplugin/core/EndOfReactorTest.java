package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.cloudfrontmavenplugin.cloudfront.ConnectionSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndOfReactorTest {
    private static InvalidateRequest request(String distribution, String path, boolean dryRun) throws Exception {
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
                ConnectionSettings.of("aws-global", null, null),
                Optional.empty(),
                new Budget(100, 15));
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

        assertEquals(0, last.stillToCome());
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
    void oneInstancePerBuild() {
        Object build = new Object();
        EndOfReactor first = EndOfReactor.of(build, () -> Map.of("a", 1));
        assertSame(first, EndOfReactor.of(build, () -> {
            throw new AssertionError("computed once per build");
        }));
    }
}
