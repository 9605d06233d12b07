package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.FakeTime;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** An emulator on a fake clock, and connection settings for it with quick SDK retries. */
final class EmulatedCloudFront implements AutoCloseable {
    static final Retries QUICK_RETRIES = new Retries(8, Duration.ofMillis(1), Duration.ofMillis(10));

    final FakeTime time = new FakeTime(Instant.parse("2026-11-20T10:00:00Z"));
    final CloudFrontEmulator emulator;
    final ConnectionSettings connection;

    EmulatedCloudFront(Duration completionDelay) throws IOException, UserFixableException {
        emulator = CloudFrontEmulator.start(0, completionDelay, time);
        connection = ConnectionSettings.forCloudFront("aws-global", emulator.endpoint(), null)
                .withRetries(QUICK_RETRIES);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
