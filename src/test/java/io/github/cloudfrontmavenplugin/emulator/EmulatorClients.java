package io.github.cloudfrontmavenplugin.emulator;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** A plain SDK client for the emulator's own tests, with the SDK's default retries. */
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
}
