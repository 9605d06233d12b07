package io.github.cloudfrontmavenplugin.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the emulator as a process, for the demo and the benchmark.
 *
 * <pre>
 * java -cp ... EmulatorMain [--port N] [--port-file FILE] [--completion-delay SECONDS] [--max-lifetime SECONDS]
 *                            [--report FILE] [--s3-port-file FILE] [--s3-versioning]
 * </pre>
 *
 * With {@code --s3-port-file}, it also runs an S3 emulator with the buckets {@code demo-site} and
 * {@code demo-deploys}, for {@code cloudfront:sync}, and writes its port there; with {@code --s3-versioning}, both
 * buckets keep versions, for {@code cloudfront:rollback}.
 *
 * With {@code --report}, it writes one line per invalidation when it stops: id, path count, and how many
 * milliseconds after the invalidation turned Completed a client was first told so (empty if none was).
 *
 * It stops on SIGTERM or after {@code --max-lifetime} (default 900 s), so a forgotten one never lingers.
 */
public final class EmulatorMain {
    private EmulatorMain() {}

    private static void writeReport(CloudFrontEmulator emulator, Path file) {
        StringBuilder report = new StringBuilder("id\tpaths\tnoticed_ms_after_completed\n");
        for (StoredInvalidation invalidation : emulator.invalidations()) {
            String late = emulator.firstReportedCompleted(invalidation.id())
                    .map(seen -> Long.toString(
                            Duration.between(invalidation.completesAt(), seen).toMillis()))
                    .orElse("");
            report.append(invalidation.id())
                    .append('\t')
                    .append(invalidation.paths().size())
                    .append('\t')
                    .append(late)
                    .append('\n');
        }
        try {
            Files.writeString(file, report);
        } catch (IOException e) {
            System.err.println("Cannot write the report " + file + ": " + e);
        }
    }

    /** Written whole at once, so a reader polling for the file never sees half a number. */
    private static void writePort(Path file, int port) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "port", ".tmp");
        Files.writeString(temporary, Integer.toString(port));
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        Path portFile = null;
        Path report = null;
        Path s3PortFile = null;
        boolean s3Versioning = false;
        Duration completionDelay = Duration.ofSeconds(5);
        Duration maxLifetime = Duration.ofSeconds(900);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--port-file" -> portFile = Path.of(value);
                case "--completion-delay" ->
                    completionDelay = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--max-lifetime" -> maxLifetime = Duration.ofSeconds(Long.parseLong(value));
                case "--report" -> report = Path.of(value);
                case "--s3-port-file" -> s3PortFile = Path.of(value);
                case "--s3-versioning" -> {
                    s3Versioning = true;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        CloudFrontEmulator emulator = CloudFrontEmulator.start(port, completionDelay, Instant::now);
        S3Emulator s3 = s3PortFile == null
                ? null
                : S3Emulator.start().createBucket("demo-site").createBucket("demo-deploys");
        CountDownLatch stopped = new CountDownLatch(1);
        Path reportFile = report;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            if (s3 != null) {
                s3.close();
            }
            if (reportFile != null) {
                writeReport(emulator, reportFile);
            }
            stopped.countDown();
        }));
        System.out.println("CloudFront emulator listening on " + emulator.endpoint() + " (distribution "
                + CloudFrontEmulator.DISTRIBUTION_ID + ", access key " + CloudFrontEmulator.ACCESS_KEY_ID
                + "; invalidations complete after " + completionDelay.toMillis() + " ms)");
        if (s3 != null && s3Versioning) {
            s3.enableVersioning("demo-site").enableVersioning("demo-deploys");
        }
        if (s3 != null) {
            System.out.println("S3 emulator listening on " + s3.endpoint() + " (buckets demo-site, demo-deploys"
                    + (s3Versioning ? ", versioned)" : ")"));
            writePort(
                    s3PortFile,
                    Integer.parseInt(s3.endpoint().substring(s3.endpoint().lastIndexOf(':') + 1)));
        }
        if (portFile != null) {
            writePort(portFile, emulator.port());
        }
        if (!stopped.await(maxLifetime.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.println(
                    "CloudFront emulator stopping after its maximum lifetime of " + maxLifetime.toSeconds() + " s");
            System.exit(0);
        }
    }
}
