package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetInvalidationTest {
    private static final String DISTRIBUTION = CloudFrontEmulator.DISTRIBUTION_ID;

    private EmulatedCloudFront cloudFront;
    private final RecordingProgress progress = new RecordingProgress();
    private String id;

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(30));
        try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(cloudFront.connection)) {
            id = api.create(Target.distribution(DISTRIBUTION), List.of("/index.html", "/error.html"), "cli-example")
                    .id();
        }
    }

    @AfterEach
    void stop() {
        cloudFront.close();
    }

    private InvalidationInfo run(String invalidationId, WaitSettings waiting) throws Exception {
        return new GetInvalidation(Connector.CLOUDFRONT, cloudFront.time, new SplittableRandom(3), progress)
                .run(new GetInvalidation.Request(
                        DISTRIBUTION, invalidationId, waiting, Optional.empty(), cloudFront.connection));
    }

    @Test
    void printsTheInvalidationAsTheAwsCliDoes() throws Exception {
        run(id, WaitSettings.NO_WAIT);

        assertEquals(
                List.of(
                        "{",
                        "    \"Invalidation\": {",
                        "        \"Id\": \"" + id + "\",",
                        "        \"Status\": \"InProgress\",",
                        "        \"CreateTime\": \"2026-11-20T10:00:00.000Z\",",
                        "        \"InvalidationBatch\": {",
                        "            \"Paths\": {",
                        "                \"Quantity\": 2,",
                        "                \"Items\": [",
                        "                    \"/index.html\",",
                        "                    \"/error.html\"",
                        "                ]",
                        "            },",
                        "            \"CallerReference\": \"cli-example\"",
                        "        }",
                        "    }",
                        "}"),
                progress.info);
        assertEquals(1, cloudFront.emulator.requests("GetInvalidation").size());
    }

    @Test
    void waitsUntilCompleted() throws Exception {
        InvalidationInfo last = run(" " + id + " ", WaitSettings.of(true, 900, true));

        assertEquals("Completed", last.status());
        assertTrue(cloudFront.time.elapsed().compareTo(Duration.ofSeconds(30)) >= 0);
        assertTrue(progress.info.get(progress.info.size() - 1).startsWith("Invalidation " + id + " completed after"));
    }

    @Test
    void waitTimeoutFails() {
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> run(id, WaitSettings.of(true, 10, true)));
        assertTrue(e.getMessage().contains("is still InProgress after 10 s"), e.getMessage());
    }

    @Test
    void needsAnInvalidationId() {
        UserFixableException e = assertThrows(UserFixableException.class, () -> run(" ", WaitSettings.NO_WAIT));
        assertTrue(
                e.getMessage().startsWith("<invalidationId> (cloudfront.invalidationId) is not set"), e.getMessage());
    }

    @Test
    void refusesANonPositiveWaitTimeout() {
        UserFixableException e = assertThrows(UserFixableException.class, () -> WaitSettings.of(true, 0, true));
        assertTrue(e.getMessage().startsWith("<waitTimeout> (cloudfront.waitTimeout) is 0"), e.getMessage());
    }
}
