package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 emulator's conditional writes driven by the AWS CLI (botocore's own serializer and signer), as an operator
 * would inspect or remove a deploy lock by hand: {@code put-object --if-none-match "*"}, {@code --if-match}, and
 * {@code delete-object --if-match}. Skipped where no {@code aws} is installed.
 */
class S3EmulatorCliTest {
    @TempDir
    Path dir;

    private S3Emulator emulator;

    @BeforeAll
    static void requireTheCli() {
        AwsCli.assumeInstalled();
    }

    @BeforeEach
    void start() throws IOException {
        emulator = S3Emulator.start().createBucket("deploys");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Runs {@code aws s3api ...} against the emulator. */
    private AwsCli.Run aws(String... args) throws IOException, InterruptedException {
        return AwsCli.run("s3api", emulator.endpoint(), args);
    }

    private String etag(AwsCli.Run run) {
        assertEquals(0, run.exit(), run.output());
        java.util.regex.Matcher etag = java.util.regex.Pattern.compile("\"ETag\": \"\\\\\"([0-9a-f]+)\\\\\"\"")
                .matcher(run.output());
        assertTrue(etag.find(), run.output());
        return etag.group(1);
    }

    @Test
    void theCliCreatesReplacesAndDeletesConditionally() throws Exception {
        Path body = Files.writeString(dir.resolve("lock"), "mine");
        String[] put = {"put-object", "--bucket", "deploys", "--key", "www/manifest.txt.lock", "--body", body.toString()
        };

        String first = etag(aws(concat(put, "--if-none-match", "*")));
        AwsCli.Run again = aws(concat(put, "--if-none-match", "*"));
        assertTrue(again.exit() != 0, again.output());
        assertTrue(again.output().contains("PreconditionFailed"), again.output());

        Files.writeString(body, "renewed");
        String second = etag(aws(concat(put, "--if-match", first)));
        AwsCli.Run stale = aws(concat(put, "--if-match", first));
        assertTrue(stale.output().contains("(412)") || stale.output().contains("PreconditionFailed"), stale.output());

        AwsCli.Run wrongDelete =
                aws("delete-object", "--bucket", "deploys", "--key", "www/manifest.txt.lock", "--if-match", first);
        assertTrue(wrongDelete.output().contains("PreconditionFailed"), wrongDelete.output());
        assertTrue(emulator.object("deploys", "www/manifest.txt.lock").isPresent());
        AwsCli.Run delete =
                aws("delete-object", "--bucket", "deploys", "--key", "www/manifest.txt.lock", "--if-match", second);
        assertEquals(0, delete.exit(), delete.output());
        assertTrue(emulator.object("deploys", "www/manifest.txt.lock").isEmpty());
    }

    @Test
    void theCliSeesAConflictAs409ConditionalRequestConflict() throws Exception {
        Path body = Files.writeString(dir.resolve("lock"), "mine");
        emulator.conflictOnConditionalWrites(key -> true, 1);

        AwsCli.Run conflict = aws(
                "put-object", "--bucket", "deploys", "--key", "l", "--body", body.toString(), "--if-none-match", "*");

        assertTrue(conflict.exit() != 0, conflict.output());
        assertTrue(conflict.output().contains("ConditionalRequestConflict"), conflict.output());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
