package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The conditional writes the deploy lock relies on, through the SDK: PutObject with {@code If-None-Match: *} and
 * {@code If-Match}, DeleteObject with {@code If-Match} (412 when the ETag moved, 404 when there is no object), and 409
 * ConditionalRequestConflict injected on a conditional write, which the SDK's retry strategy does not retry.
 */
class S3EmulatorConditionalTest {
    private S3Emulator emulator;
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        emulator = S3Emulator.start().createBucket("deploys");
        s3 = EmulatorClients.sdkS3(emulator.endpoint(), "deploys");
    }

    @AfterEach
    void stop() {
        s3.close();
        emulator.close();
    }

    private String put(String content, String ifMatch, String ifNoneMatch) {
        return s3.putObject(
                        r -> r.bucket("deploys").key("lock").ifMatch(ifMatch).ifNoneMatch(ifNoneMatch),
                        RequestBody.fromString(content))
                .eTag();
    }

    @Test
    void createIfAbsentThenReplaceOnTheETag() {
        String first = put("a", null, "*");
        S3Exception exists = assertThrows(S3Exception.class, () -> put("b", null, "*"));
        assertEquals(412, exists.statusCode());
        assertEquals("PreconditionFailed", exists.awsErrorDetails().errorCode());

        String second = put("c", first, null);
        S3Exception moved = assertThrows(S3Exception.class, () -> put("d", first, null));
        assertEquals(412, moved.statusCode());
        assertEquals("c", new String(emulator.object("deploys", "lock").orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(!second.equals(first));
    }

    @Test
    void aConditionalDeleteRemovesOnlyTheVersionItNames() {
        String first = put("a", null, "*");
        String second = put("b", first, null);

        S3Exception moved = assertThrows(
                S3Exception.class,
                () -> s3.deleteObject(r -> r.bucket("deploys").key("lock").ifMatch(first)));
        assertEquals(412, moved.statusCode());
        assertTrue(emulator.object("deploys", "lock").isPresent());

        s3.deleteObject(r -> r.bucket("deploys").key("lock").ifMatch(second));
        assertTrue(emulator.object("deploys", "lock").isEmpty());

        S3Exception gone = assertThrows(
                S3Exception.class,
                () -> s3.deleteObject(r -> r.bucket("deploys").key("lock").ifMatch(second)));
        assertEquals(404, gone.statusCode());
    }

    @Test
    void theSdkDoesNotRetry409ConditionalRequestConflict() {
        emulator.conflictOnConditionalWrites("lock"::equals, 1);

        S3Exception conflict = assertThrows(S3Exception.class, () -> put("a", null, "*"));

        assertEquals(409, conflict.statusCode());
        assertEquals("ConditionalRequestConflict", conflict.awsErrorDetails().errorCode());
        // One attempt: had the SDK retried, its second attempt would have written the object.
        assertEquals(1, emulator.count("PutObject", 409));
        assertEquals(0, emulator.count("PutObject", 200));
        assertTrue(emulator.object("deploys", "lock").isEmpty());
        put("a", null, "*");
    }

    @Test
    void unconditionalWritesAreNeverAnsweredWithAConflict() {
        emulator.conflictOnConditionalWrites("lock"::equals, 1);

        put("a", null, null);

        assertEquals(0, emulator.count("PutObject", 409));
    }
}
