package io.github.cloudfrontmavenplugin.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy (org.gaul:s3proxy from Maven Central, copied to {@code target/s3proxy/s3proxy.jar} by the build) on
 * loopback with jclouds' in-memory blob store: an S3-compatible server we did not write, so that the publisher's wire
 * behaviour is checked against an independent implementation as well as against {@link S3Emulator}. It runs in its own
 * JVM, since its jclouds needs another Guice than Maven's test harness, and accepts the emulators' example
 * credentials.
 */
public final class S3ProxyServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private S3ProxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3ProxyServer start(String... buckets) throws IOException, InterruptedException {
        Path jar = jar();
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path properties = Files.createTempFile("s3proxy", ".properties");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + CloudFrontEmulator.ACCESS_KEY_ID,
                        "s3proxy.credential=" + CloudFrontEmulator.SECRET_ACCESS_KEY,
                        // S3Proxy 3.1.0 answers the x-amz-checksum-crc32 that the SDK (2.30 and later) sends with
                        // DeleteObjects, which S3 requires a checksum for, with 501 NotImplemented.
                        "s3proxy.ignore-unknown-headers=true",
                        "jclouds.provider=transient",
                        "jclouds.identity=identity",
                        "jclouds.credential=credential",
                        ""));
        Path log = Files.createTempFile("s3proxy", ".log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3ProxyServer server = new S3ProxyServer(process, port);
        try {
            server.awaitListening(log);
            try (S3Client s3 = server.client()) {
                for (String bucket : buckets) {
                    s3.createBucket(r -> r.bucket(bucket));
                }
            }
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The jar the build copied next to the test classes. */
    private static Path jar() throws IOException {
        try {
            Path testClasses = Path.of(S3ProxyServer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path jar = testClasses.getParent().resolve("s3proxy").resolve("s3proxy.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IOException(jar + " is missing; the build's generate-test-resources phase copies it");
            }
            return jar;
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Waits, without a deadline of its own, until the port accepts connections or the process ends. */
    private void awaitListening(Path log) throws IOException, InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy ended with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client for setting up and inspecting the server's buckets. */
    public S3Client client() {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        CloudFrontEmulator.ACCESS_KEY_ID, CloudFrontEmulator.SECRET_ACCESS_KEY)))
                .httpClientBuilder(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder())
                .build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
