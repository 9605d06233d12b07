package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.Logger;

/**
 * The one way the plugin builds an S3 client: for an {@code s3://} manifest and for the bucket {@code sync} fills.
 * Requests go where the SDK's generated client would send them ({@link S3Endpoint}); against AWS the client follows
 * S3's redirect to the bucket's region, against {@code <s3Endpoint>} (S3-compatible stores, emulators) it addresses
 * the bucket path-style.
 */
public final class S3Clients {
    private static final Logger LOG = Logger.loggerFor(S3Clients.class);

    /** Where the plugin starts without {@code <s3Region>}: S3 then says where a bucket lives. */
    private static final String DEFAULT_REGION = "us-east-1";

    private S3Clients() {}

    /** A client and the credentials provider it owns: closing the one closes both. */
    public record Connection(S3Client s3, AwsCredentialsProvider credentials) implements AutoCloseable {
        @Override
        public void close() {
            s3.close();
            IoUtils.closeIfCloseable(credentials, null);
        }
    }

    /**
     * Resolves the credentials (reporting missing ones before any call) and builds a client with them.
     *
     * @param bucket the bucket the client is for: its host decides the proxy when there is no endpoint override
     * @param maxConnections how many requests may be in flight at once
     */
    public static Connection connect(ConnectionSettings settings, String bucket, int maxConnections)
            throws UserFixableException {
        AwsCredentialsProvider credentials =
                AwsCredentials.resolve(settings.credentials(), settings.proxies(), settings.retries());
        try {
            return new Connection(build(settings, credentials, bucket, maxConnections), credentials);
        } catch (RuntimeException | UserFixableException e) {
            IoUtils.closeIfCloseable(credentials, null);
            throw e;
        }
    }

    /**
     * The plugin's client for {@code bucket}: {@link S3Api} wherever {@link S3Endpoint} can address the bucket, which
     * is every bucket but an ARN or an S3 Express directory bucket; the SDK's generated client for those.
     *
     * @param bucket the bucket the client is for: its host decides the proxy
     * @param maxConnections how many requests may be in flight at once
     * @throws UserFixableException when the endpoint settings cannot be read, or the SDK's rules refuse them
     */
    public static S3Client build(
            ConnectionSettings settings, AwsCredentialsProvider credentials, String bucket, int maxConnections)
            throws UserFixableException {
        Supplier<S3Client> generated = () -> buildGenerated(settings, credentials, bucket, maxConnections);
        return api(
                settings,
                credentials,
                bucket,
                base -> HttpClients.forEndpoint(settings.proxies(), "S3", base)
                        .maxConnections(Math.max(maxConnections, 1))
                        .build(),
                generated);
    }

    /** @param http the HTTP client for requests to the bucket's first endpoint */
    static S3Client api(
            ConnectionSettings settings,
            AwsCredentialsProvider credentials,
            String bucket,
            Function<URI, SdkHttpClient> http,
            Supplier<S3Client> generated)
            throws UserFixableException {
        String region = settings.region().orElse(DEFAULT_REGION);
        Optional<S3Endpoint> first = S3Endpoint.resolve(settings, bucket, region);
        if (first.isEmpty()) {
            return generated.get();
        }
        return new S3Api(
                http.apply(first.get().base()),
                credentials,
                new Endpoints(settings, bucket, region, first.get()),
                region,
                settings.retries().strategy(),
                generated);
    }

    /**
     * Each bucket's endpoint in each region, resolved once: the client's first bucket before any call (so a setting
     * the rules refuse fails the build there), another region after S3 says the bucket lives there.
     */
    private static final class Endpoints implements S3Api.Addressing {
        private final ConnectionSettings settings;
        private final Map<String, S3Api.Address> resolved = new ConcurrentHashMap<>();

        Endpoints(ConnectionSettings settings, String bucket, String region, S3Endpoint first) {
            this.settings = settings;
            resolved.put(region + " " + bucket, address(first));
        }

        @Override
        public S3Api.Address of(String bucket, String region) {
            return resolved.computeIfAbsent(region + " " + bucket, unused -> {
                try {
                    return address(S3Endpoint.resolve(settings, bucket, region)
                            .orElseThrow(() -> SdkClientException.create("S3's endpoint rules give the bucket " + bucket
                                    + " in " + region + " an endpoint only the SDK's client can call")));
                } catch (UserFixableException e) {
                    throw SdkClientException.create(e.getMessage(), e);
                }
            });
        }

        @Override
        public boolean followsRegions() {
            // As the generated client, whose cross-region access the plugin turns on without <s3Endpoint>.
            return settings.endpoint().isEmpty();
        }

        private static S3Api.Address address(S3Endpoint endpoint) {
            LOG.debug(() -> "S3 endpoint " + endpoint.describe());
            return new S3Api.Address(endpoint.base(), endpoint.signingName(), endpoint.signingRegion());
        }
    }

    /**
     * The SDK's generated client as the plugin configures it: what {@link S3Api} passes on to, and what the emulators'
     * own tests hold the emulators to.
     */
    public static S3Client buildGenerated(
            ConnectionSettings settings, AwsCredentialsProvider credentials, String bucket, int maxConnections) {
        String region = settings.region().orElse(DEFAULT_REGION);
        return generated(
                AwsClients.configure(
                        S3Client.builder(),
                        "S3",
                        settings.endpoint(),
                        URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com"),
                        settings.proxies(),
                        settings.retries(),
                        maxConnections),
                credentials,
                region,
                settings.endpoint());
    }

    /**
     * @param builder a builder with its HTTP client, retries and endpoint override set
     * @param endpoint the plugin's {@code <s3Endpoint>}, addressed path-style
     */
    static S3Client generated(
            S3ClientBuilder builder, AwsCredentialsProvider credentials, String region, Optional<URI> endpoint) {
        return generatedBuilder(builder, credentials, region, endpoint).build();
    }

    /** {@link #generated}'s builder, for tests that give it an HTTP client of their own. */
    static S3ClientBuilder generatedBuilder(
            S3ClientBuilder builder, AwsCredentialsProvider credentials, String region, Optional<URI> endpoint) {
        builder.credentialsProvider(credentials)
                .region(Region.of(region))
                // Checksums are sent where the plugin knows them (a file's SHA-256, the upload's Content-MD5), not
                // as aws-chunked trailers, which S3-compatible stores refuse.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint.isPresent()) {
            // Over plain HTTP the SDK would otherwise sign uploads in aws-chunked form.
            builder.serviceConfiguration(S3Configuration.builder()
                    .pathStyleAccessEnabled(true)
                    .chunkedEncodingEnabled(false)
                    .build());
        } else {
            builder.crossRegionAccessEnabled(true);
        }
        return builder;
    }
}
