package io.github.cloudfrontmavenplugin.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        boolean installed = false;
        for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            installed |= new File(path, "aws").canExecute();
        }
        assumeTrue(installed, "the AWS CLI (aws) is not on the PATH");
    }

    @BeforeEach
    void start() throws IOException {
        emulator = S3Emulator.start().createBucket("deploys");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private record Run(int exit, String output) {}

    /** Runs {@code aws s3api ...} against the emulator with its keys and nothing from ~/.aws. */
    private Run aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "s3api"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", emulator.endpoint(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", CloudFrontEmulator.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", CloudFrontEmulator.SECRET_ACCESS_KEY);
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "aws did not finish");
        return new Run(process.exitValue(), output);
    }

    private String etag(Run run) {
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
        Run again = aws(concat(put, "--if-none-match", "*"));
        assertTrue(again.exit() != 0, again.output());
        assertTrue(again.output().contains("PreconditionFailed"), again.output());

        Files.writeString(body, "renewed");
        String second = etag(aws(concat(put, "--if-match", first)));
        Run stale = aws(concat(put, "--if-match", first));
        assertTrue(stale.output().contains("(412)") || stale.output().contains("PreconditionFailed"), stale.output());

        Run wrongDelete =
                aws("delete-object", "--bucket", "deploys", "--key", "www/manifest.txt.lock", "--if-match", first);
        assertTrue(wrongDelete.output().contains("PreconditionFailed"), wrongDelete.output());
        assertTrue(emulator.object("deploys", "www/manifest.txt.lock").isPresent());
        Run delete =
                aws("delete-object", "--bucket", "deploys", "--key", "www/manifest.txt.lock", "--if-match", second);
        assertEquals(0, delete.exit(), delete.output());
        assertTrue(emulator.object("deploys", "www/manifest.txt.lock").isEmpty());
    }

    @Test
    void theCliSeesAConflictAs409ConditionalRequestConflict() throws Exception {
        Path body = Files.writeString(dir.resolve("lock"), "mine");
        emulator.conflictOnConditionalWrites(key -> true, 1);

        Run conflict = aws(
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
