import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.HttpClients;
import io.github.cloudfrontmavenplugin.aws.Proxies;
import io.github.cloudfrontmavenplugin.aws.S3Clients;
import io.github.cloudfrontmavenplugin.diff.ContentHasher;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.utils.IoUtils;

/**
 * What an S3 client costs a cold JVM: the client's start, a conditional PUT (the deploy lock's), the listing of a
 * bucket, and the PUT of every file of a site, 16 at once, each with Content-MD5 and the SHA-256 in its metadata as
 * sync sends them. Modes: {@code generated}, the SDK's generated client as the plugin configures it; {@code plugin},
 * the plugin's own (S3Clients.build: S3Api); {@code raw}, the fewest steps that send those requests through the SDK's
 * HTTP client and signer (no retries, no error reading, no endpoint rules), the floor for any client built on them.
 * One mode per JVM; bench/s3-client-cost.sh compiles this and runs the modes side by side.
 *
 * <p>Usage: {@code java S3ClientCost generated|plugin|raw ENDPOINT LIST_BUCKET PUT_BUCKET SITE_DIR}. Prints one line:
 * each phase's wall and CPU milliseconds.
 */
public final class S3ClientCost {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    interface Client extends AutoCloseable {
        void putIfNoneMatch(String bucket, String key, byte[] body) throws Exception;

        int list(String bucket) throws Exception;

        void put(String bucket, String key, Path file, String contentType, String md5, String sha256)
                throws Exception;

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI endpoint = URI.create(args[1]);
        String listBucket = args[2];
        String putBucket = args[3];
        Path site = Path.of(args[4]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder out = new StringBuilder(mode);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
        out.append(" jvm=").append(jvmStart);
        Phase phase = new Phase(out);
        try (Client client = mode.equals("raw") ? raw(endpoint) : sdk(endpoint, mode.equals("generated"))) {
            phase.end("build");
            client.putIfNoneMatch(putBucket, "lock-" + System.nanoTime(), "{\"lock\":1}".getBytes());
            phase.end("lock");
            int keys = client.list(listBucket);
            phase.end("list" + keys);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> puts = new ArrayList<>();
            for (Path file : files) {
                String key = site.relativize(file).toString().replace('\\', '/');
                puts.add(pool.submit(() -> {
                    String md5 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(ContentHasher.md5(file)));
                    String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(file)));
                    client.put(putBucket, key, file, key.endsWith(".html") ? "text/html" : "application/octet-stream",
                            md5, sha);
                    return null;
                }));
            }
            for (Future<?> put : puts) {
                put.get();
            }
            pool.shutdown();
            phase.end("put" + files.size());
        }
        out.append(" total=").append(ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.println(out);
    }

    /** Wall and CPU time of each phase, in ms. */
    static final class Phase {
        final StringBuilder out;
        long wall = System.nanoTime();
        long cpu = cpu();

        Phase(StringBuilder out) {
            this.out = out;
        }

        static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        void end(String name) {
            long w = System.nanoTime();
            long c = cpu();
            out.append(' ').append(name).append('=').append((w - wall) / 1_000_000).append('/').append((c - cpu) / 1_000_000);
            wall = w;
            cpu = c;
        }
    }

    /** @param generated the SDK's generated client, else the plugin's (S3Api) */
    static Client sdk(URI endpoint, boolean generated) throws Exception {
        ConnectionSettings settings = ConnectionSettings.forS3("us-east-1", endpoint.toString(), null);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
        S3Client s3 = generated
                ? S3Clients.buildGenerated(settings, credentials, "bench", 16)
                : S3Clients.build(settings, credentials, "bench", 16);
        return new Client() {
            public void putIfNoneMatch(String bucket, String key, byte[] body) {
                s3.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*").contentType("application/json"),
                        RequestBody.fromBytes(body));
            }

            public int list(String bucket) {
                int n = 0;
                for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> r.bucket(bucket))) {
                    n += page.contents().size();
                }
                return n;
            }

            public void put(String bucket, String key, Path file, String type, String md5, String sha) {
                s3.putObject(r -> r.bucket(bucket).key(key).contentType(type).contentMD5(md5)
                        .metadata(Map.of("sha256", sha)), RequestBody.fromFile(file));
            }

            public void close() {
                s3.close();
            }
        };
    }

    static Client raw(URI endpoint) {
        SdkHttpClient http = HttpClients.forEndpoint(Proxies.NONE, "S3", endpoint).maxConnections(16).build();
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        AwsCredentialsIdentity identity = AwsCredentialsIdentity.create(KEY, SECRET);
        XMLInputFactory xml = XMLInputFactory.newInstance();
        return new Client() {
            HttpExecuteResponse send(SdkHttpFullRequest.Builder request, ContentStreamProvider body) throws Exception {
                SdkHttpFullRequest unsigned = request.uri(endpoint).build();
                SignedRequest signed = signer.sign(r -> r.identity(identity)
                        .request(unsigned)
                        .payload(body)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
                HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                                .request(signed.request())
                                .contentStreamProvider(signed.payload().orElse(null))
                                .build())
                        .call();
                if (!response.httpResponse().isSuccessful()) {
                    throw new IllegalStateException("HTTP " + response.httpResponse().statusCode() + " "
                            + new String(IoUtils.toByteArray(response.responseBody().get())));
                }
                return response;
            }

            public void putIfNoneMatch(String bucket, String key, byte[] body) throws Exception {
                HttpExecuteResponse r = send(
                        SdkHttpFullRequest.builder()
                                .method(SdkHttpMethod.PUT)
                                .encodedPath("/" + bucket + "/" + key)
                                .putHeader("If-None-Match", "*")
                                .putHeader("Content-Type", "application/json")
                                .putHeader("Content-Length", Integer.toString(body.length)),
                        ContentStreamProvider.fromByteArrayUnsafe(body));
                r.responseBody().ifPresent(b -> IoUtils.closeQuietlyV2(b, null));
            }

            public int list(String bucket) throws Exception {
                int n = 0;
                String token = null;
                do {
                    SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                            .method(SdkHttpMethod.GET)
                            .encodedPath("/" + bucket)
                            .putRawQueryParameter("list-type", "2");
                    if (token != null) {
                        request.putRawQueryParameter("continuation-token", token);
                    }
                    HttpExecuteResponse r = send(request, null);
                    token = null;
                    boolean truncated = false;
                    try (InputStream in = r.responseBody().get()) {
                        XMLStreamReader reader = xml.createXMLStreamReader(new ByteArrayInputStream(IoUtils.toByteArray(in)));
                        String key = null, etag = null;
                        long size = 0;
                        while (reader.hasNext()) {
                            if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                                continue;
                            }
                            switch (reader.getLocalName()) {
                                case "Key" -> key = reader.getElementText();
                                case "ETag" -> etag = reader.getElementText();
                                case "Size" -> size = Long.parseLong(reader.getElementText());
                                case "LastModified" -> java.time.Instant.parse(reader.getElementText());
                                case "NextContinuationToken" -> token = reader.getElementText();
                                case "IsTruncated" -> truncated = Boolean.parseBoolean(reader.getElementText());
                                case "Contents" -> n++;
                                default -> {}
                            }
                        }
                        if (key == null && etag == null && size < 0) {
                            throw new IllegalStateException();
                        }
                    }
                    if (!truncated) {
                        token = null;
                    }
                } while (token != null);
                return n;
            }

            public void put(String bucket, String key, Path file, String type, String md5, String sha)
                    throws Exception {
                HttpExecuteResponse r = send(
                        SdkHttpFullRequest.builder()
                                .method(SdkHttpMethod.PUT)
                                .encodedPath("/" + bucket + "/" + software.amazon.awssdk.utils.http.SdkHttpUtils
                                        .urlEncodeIgnoreSlashes(key))
                                .putHeader("Content-Type", type)
                                .putHeader("Content-MD5", md5)
                                .putHeader("x-amz-meta-sha256", sha)
                                .putHeader("Content-Length", Long.toString(Files.size(file))),
                        ContentStreamProvider.fromInputStreamSupplier(() -> {
                            try {
                                return Files.newInputStream(file);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }));
                r.httpResponse().firstMatchingHeader("ETag").orElseThrow();
                r.responseBody().ifPresent(b -> IoUtils.closeQuietlyV2(b, null));
            }

            public void close() {
                http.close();
            }
        };
    }
}
