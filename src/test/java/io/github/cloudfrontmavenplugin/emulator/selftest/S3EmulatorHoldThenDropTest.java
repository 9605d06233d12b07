package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link Fault#holdThenDrop}, which stands for a request in flight when its client was killed: held until released,
 * then its connection is closed unanswered and nothing is stored.
 */
class S3EmulatorHoldThenDropTest {
    @Test
    void aHeldWriteThatIsDroppedTakesNoEffect() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (S3Emulator emulator = S3Emulator.start().createBucket("www");
                S3Client s3 = EmulatorClients.sdkS3(
                        emulator.endpoint(), "www", new Retries(1, Duration.ofMillis(10), Duration.ofMillis(10)), 1)) {
            // One attempt: the one request shows alone, without the client's retries.
            emulator.hold("PutObject", key -> key.equals("index.html"), Fault.holdThenDrop(release));
            CompletableFuture<Void> put = CompletableFuture.runAsync(
                    () -> s3.putObject(r -> r.bucket("www").key("index.html"), RequestBody.fromString("new")));
            emulator.awaitHeld("PutObject", 1);
            assertEquals(List.of(), emulator.calls(), "not answered while held");

            release.countDown();
            ExecutionException failed = assertThrows(ExecutionException.class, put::get);

            assertInstanceOf(SdkClientException.class, failed.getCause());
            assertTrue(emulator.object("www", "index.html").isEmpty(), "nothing stored");
            assertEquals(
                    List.of("PutObject index.html 0"),
                    emulator.calls().stream()
                            .map(c -> c.operation() + " " + c.key() + " " + c.status())
                            .toList());
        }
    }
}
