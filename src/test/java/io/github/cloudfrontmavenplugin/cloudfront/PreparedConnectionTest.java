package io.github.cloudfrontmavenplugin.cloudfront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedConnectionTest {
    private CloudFrontEmulator emulator;
    private ConnectionSettings settings;

    @BeforeEach
    void start() throws Exception {
        emulator = CloudFrontEmulator.start();
        settings = ConnectionSettings.forCloudFront("aws-global", emulator.endpoint(), null)
                .withRetries(new Retries(3, Duration.ofMillis(1), Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void anOpenedConnectionCreatesTheInvalidationThroughTheClientBuiltAhead() throws Exception {
        PreparedConnection prepared = PreparedConnection.start(settings);
        try (prepared;
                CloudFrontInvalidations cloudFront = prepared.open()) {
            cloudFront.create(
                    Target.distribution(CloudFrontEmulator.DISTRIBUTION_ID), List.of("/index.html"), "prepared-1");
        }
        assertEquals(1, emulator.invalidations().size());
        assertEquals(List.of("/index.html"), emulator.invalidations().get(0).paths());
        assertNoThreadLeft(prepared);
    }

    @Test
    void aConnectionNeverOpenedCallsNothingAndLeavesNoThread() throws Exception {
        PreparedConnection prepared = PreparedConnection.start(settings);
        prepared.close();
        assertEquals(List.of(), emulator.requests());
        assertNoThreadLeft(prepared);
    }

    @Test
    void missingCredentialsFailOpenWithTheMessageConnectGives() throws Exception {
        ConnectionSettings nobody = settings.withCredentials(CredentialSource.profile("no-such-profile"));
        String direct = assertThrows(UserFixableException.class, () -> CloudFrontInvalidations.connect(nobody))
                .getMessage();
        PreparedConnection prepared = PreparedConnection.start(nobody);
        try (prepared) {
            assertEquals(
                    direct,
                    assertThrows(UserFixableException.class, prepared::open).getMessage());
        }
        assertTrue(direct.contains("no-such-profile"), direct);
        assertEquals(List.of(), emulator.requests());
        assertNoThreadLeft(prepared);
    }

    private static void assertNoThreadLeft(PreparedConnection prepared) {
        assertEquals(2, prepared.threads().size());
        for (Thread thread : prepared.threads()) {
            assertFalse(thread.isAlive(), thread.getName() + " still runs after close()");
        }
    }
}
