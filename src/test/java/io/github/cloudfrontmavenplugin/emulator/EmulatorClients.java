package io.github.cloudfrontmavenplugin.emulator;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.aws.S3Clients;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A plain SDK client for the emulators' own tests and for setting up servers, with the SDK's default retries. */
public final class EmulatorClients {
    private EmulatorClients() {}

    public static CloudFrontClient cloudFront(CloudFrontEmulator emulator) {
        return cloudFront(emulator, CloudFrontEmulator.ACCESS_KEY_ID, CloudFrontEmulator.SECRET_ACCESS_KEY);
    }

    public static CloudFrontClient cloudFront(CloudFrontEmulator emulator, String accessKeyId, String secret) {
        return cloudFront(emulator, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)));
    }

    /** A client that signs with whatever {@code credentials} resolves to, such as an SDK credential source. */
    public static CloudFrontClient cloudFront(CloudFrontEmulator emulator, AwsCredentialsProvider credentials) {
        return CloudFrontClient.builder()
                // As the plugin gives it with an endpoint override: aws-global would be signed as it is.
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(emulator.endpoint()))
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    /**
     * The plugin's S3 client ({@link S3Clients#build}) for the server at {@code endpoint} (the S3 emulator or S3Proxy)
     * with the emulators' example credentials, built as the plugin builds its own for {@code bucket}.
     */
    public static S3Client s3(String endpoint, String bucket) {
        return s3(endpoint, bucket, Retries.DEFAULT, 8);
    }

    /**
     * The SDK's generated S3 client, configured as the plugin configures it, for the server at {@code endpoint}: what
     * the emulators' own tests hold the emulators to, and what sets up servers.
     */
    public static S3Client sdkS3(String endpoint, String bucket) {
        return sdkS3(endpoint, bucket, Retries.DEFAULT, 8);
    }

    /** As {@link #sdkS3(String, String)}, with these retries and at most {@code connections} at once. */
    public static S3Client sdkS3(String endpoint, String bucket, Retries retries, int connections) {
        return S3Clients.buildGenerated(s3Settings(endpoint, retries), EXAMPLE_CREDENTIALS, bucket, connections);
    }

    /** As {@link #s3(String, String)}, with these retries and at most {@code connections} at once. */
    public static S3Client s3(String endpoint, String bucket, Retries retries, int connections) {
        try {
            return S3Clients.build(s3Settings(endpoint, retries), EXAMPLE_CREDENTIALS, bucket, connections);
        } catch (UserFixableException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final AwsCredentialsProvider EXAMPLE_CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(CloudFrontEmulator.ACCESS_KEY_ID, CloudFrontEmulator.SECRET_ACCESS_KEY));

    private static ConnectionSettings s3Settings(String endpoint, Retries retries) {
        try {
            return ConnectionSettings.forS3(null, endpoint, null).withRetries(retries);
        } catch (UserFixableException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
