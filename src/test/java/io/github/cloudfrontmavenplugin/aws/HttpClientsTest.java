package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.LeftBehind;
import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
    @Test
    void loadingAheadRunsOnAThreadOfItsOwnThatHasEndedAfterTheJoin() {
        JoinedThreads threads = HttpClients.loadAhead();

        assertEquals(1, threads.started().size());
        assertEquals("cloudfront-load-ahead", threads.started().get(0).getName());
        assertTrue(threads.started().get(0).isDaemon(), "a build must not wait for it to exit");
        threads.join();
        assertEquals(0, LeftBehind.threadsNamed("cloudfront-load-ahead"));
    }

    @Test
    void linkingTheSharedCredentialsKeyAheadOpensNoSource() {
        int before = SharedCredentials.openSources();

        assertTrue(SharedCredentials.linkAhead(), "equal keys for one source");
        assertEquals(before, SharedCredentials.openSources());
    }
}
