package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI as a client of an emulator: botocore's own serializer and signer, the emulators' keys, nothing from
 * {@code ~/.aws}. The tests that use it are skipped where no {@code aws} is on the PATH.
 */
final class AwsCli {
    /** What one command did. */
    record Run(int exit, String output, List<String> command) {}

    private AwsCli() {}

    static void assumeInstalled() {
        boolean installed = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            installed |= new File(dir, "aws").canExecute();
        }
        assumeTrue(installed, "the AWS CLI (aws) is not on the PATH");
    }

    /** Runs {@code aws <service> <args>} against {@code endpoint}, JSON output. */
    static Run run(String service, String endpoint, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", service));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint, "--output", "json"));
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
        // Checksums only where an operation requires one, as the plugin sends them: no aws-chunked trailers.
        env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "aws did not finish");
        return new Run(process.exitValue(), output, command);
    }
}
