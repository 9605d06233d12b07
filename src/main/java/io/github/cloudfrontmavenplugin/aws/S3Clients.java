package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The one way the plugin builds an S3 client: for an {@code s3://} manifest and for the bucket {@code sync} fills.
 * Against AWS it addresses the bucket virtual-hosted and follows S3's redirect to the bucket's region; against an
 * endpoint override (S3-compatible stores, emulators) it addresses it path-style.
 */
public final class S3Clients {
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
            return new Connection(
                    build(
                            credentials,
                            bucket,
                            settings.region(),
                            settings.endpoint(),
                            settings.retries(),
                            settings.proxies(),
                            maxConnections),
                    credentials);
        } catch (RuntimeException e) {
            IoUtils.closeIfCloseable(credentials, null);
            throw e;
        }
    }

    /**
     * @param bucket the bucket the client is for: its host decides the proxy when there is no endpoint override
     * @param region the bucket's region; without it the client starts in us-east-1 and follows S3's redirect
     * @param endpoint an S3-compatible endpoint instead of AWS (tests, emulators), addressed path-style
     * @param maxConnections how many requests may be in flight at once
     */
    public static S3Client build(
            AwsCredentialsProvider credentials,
            String bucket,
            Optional<String> region,
            Optional<URI> endpoint,
            Retries retries,
            Proxies proxies,
            int maxConnections) {
        return builder(credentials, bucket, region, endpoint, retries, proxies, maxConnections)
                .build();
    }

    /** {@link #build}'s builder, for tests that give it an HTTP client of their own. */
    static S3ClientBuilder builder(
            AwsCredentialsProvider credentials,
            String bucket,
            Optional<String> region,
            Optional<URI> endpoint,
            Retries retries,
            Proxies proxies,
            int maxConnections) {
        String regionName = region.orElse("us-east-1");
        URI defaultEndpoint = URI.create("https://" + bucket + ".s3." + regionName + ".amazonaws.com");
        SdkHttpClient http = HttpClients.forEndpoint(proxies, "S3", endpoint.orElse(defaultEndpoint))
                .maxConnections(Math.max(maxConnections, 1))
                .build();
        return new S3Api(
                http,
                credentials,
                endpoint.<S3Api.Addressing>map(PathStyle::new).orElseGet(VirtualHosted::new),
                regionName,
                retries.strategy(),
                () -> buildGenerated(credentials, bucket, region, endpoint, retries, proxies, maxConnections));
    }

    /** An endpoint of one's own: the bucket is the path's first segment, signed for the configured region. */
    record PathStyle(URI endpoint) implements S3Api.Addressing {
        @Override
        public S3Api.Address of(String bucket, String region) {
            String base = endpoint.toString();
            return new S3Api.Address(
                    URI.create((base.endsWith("/") ? base : base + "/") + SdkHttpUtils.urlEncode(bucket)), region);
        }

        @Override
        public boolean followsRegions() {
            return false;
        }
    }

    /** S3 itself: the bucket's own host in its region; path-style for a name with dots, which no certificate covers. */
    record VirtualHosted() implements S3Api.Addressing {
        @Override
        public S3Api.Address of(String bucket, String region) {
            String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
            return new S3Api.Address(
                    bucket.contains(".")
                            ? URI.create("https://s3." + region + "." + domain + "/" + bucket)
                            : URI.create("https://" + bucket + ".s3." + region + "." + domain),
                    region);
        }

        @Override
        public boolean followsRegions() {
            return true;
        }
    }

    /**
     * The SDK's generated client as the plugin configures it: what {@link S3Api} passes on to, and what the emulators'
     * own tests hold the emulators to.
     */
    public static S3Client buildGenerated(
            AwsCredentialsProvider credentials,
            String bucket,
            Optional<String> region,
            Optional<URI> endpoint,
            Retries retries,
            Proxies proxies,
            int maxConnections) {
        String regionName = region.orElse("us-east-1");
        return generated(
                AwsClients.configure(
                        S3Client.builder(),
                        "S3",
                        endpoint,
                        URI.create("https://" + bucket + ".s3." + regionName + ".amazonaws.com"),
                        proxies,
                        retries,
                        maxConnections),
                credentials,
                regionName,
                endpoint);
    }

    /** @param builder a builder with its HTTP client, retries and endpoint override set */
    static S3Client generated(
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
