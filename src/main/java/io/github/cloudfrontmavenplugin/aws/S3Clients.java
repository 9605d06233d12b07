package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.utils.IoUtils;

/** The one way the plugin builds an S3 client: for an {@code s3://} manifest and for the bucket {@code sync} fills. */
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

    /** Resolves the credentials (reporting missing ones before any call) and builds a client with them. */
    public static Connection connect(
            CredentialSource source,
            Optional<String> region,
            Optional<URI> endpoint,
            Retries retries,
            Optional<ProxySettings> proxy,
            int maxConnections)
            throws UserFixableException {
        AwsCredentialsProvider credentials = AwsCredentials.resolve(source, proxy);
        try {
            return new Connection(build(credentials, region, endpoint, retries, proxy, maxConnections), credentials);
        } catch (RuntimeException e) {
            IoUtils.closeIfCloseable(credentials, null);
            throw e;
        }
    }

    /**
     * @param region the bucket's region; without it the client starts in us-east-1 and follows S3's redirect
     * @param endpoint an S3-compatible endpoint instead of AWS (tests, emulators), addressed path-style
     * @param maxConnections how many requests may be in flight at once
     */
    public static S3Client build(
            AwsCredentialsProvider credentials,
            Optional<String> region,
            Optional<URI> endpoint,
            Retries retries,
            Optional<ProxySettings> proxy,
            int maxConnections) {
        S3ClientBuilder builder = S3Client.builder()
                .credentialsProvider(credentials)
                .region(Region.of(region.orElse("us-east-1")))
                .httpClientBuilder(HttpClients.apache(proxy).maxConnections(Math.max(maxConnections, 1)))
                // Checksums are sent where the plugin knows them (a file's SHA-256), not as aws-chunked trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(retries.strategy()));
        if (endpoint.isPresent()) {
            // Over plain HTTP the SDK would otherwise sign uploads in aws-chunked form.
            builder.endpointOverride(endpoint.get())
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(true)
                            .chunkedEncodingEnabled(false)
                            .build());
        } else {
            builder.crossRegionAccessEnabled(true);
        }
        return builder.build();
    }
}
