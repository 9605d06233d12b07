package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.CredentialEndpoint;
import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;

/** Checks shared by the credential endpoints' tests. */
final class CredentialEndpointChecks {
    private CredentialEndpointChecks() {}

    /** The SDK resolved exactly what the endpoint issued: key, secret and session token. */
    static void resolvedAsIssued(CredentialEndpoint.Issued issued, AwsCredentials resolved) {
        assertEquals(issued.accessKeyId(), resolved.accessKeyId());
        assertEquals(issued.secretAccessKey(), resolved.secretAccessKey());
        assertEquals(
                issued.sessionToken(),
                assertInstanceOf(AwsSessionCredentials.class, resolved).sessionToken());
    }

    /** CloudFront takes requests signed with what the source issued, and not the same key with another secret. */
    static void cloudFrontAcceptsOnlyTheIssued(CloudFrontEmulator account, AwsCredentialsProvider source) {
        AwsCredentials resolved = source.resolveCredentials();
        try (CloudFrontClient client = EmulatorClients.cloudFront(account, source)) {
            client.listDistributions();
        }
        AwsCredentials forged = AwsSessionCredentials.create(
                resolved.accessKeyId(),
                "forged" + resolved.secretAccessKey(),
                ((AwsSessionCredentials) resolved).sessionToken());
        try (CloudFrontClient client = EmulatorClients.cloudFront(account, StaticCredentialsProvider.create(forged))) {
            assertEquals(
                    403,
                    assertThrows(CloudFrontException.class, client::listDistributions)
                            .statusCode());
        }
        try (CloudFrontClient client = EmulatorClients.cloudFront(
                account,
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("ASIANEVERISSUED0000", resolved.secretAccessKey())))) {
            assertEquals(
                    403,
                    assertThrows(CloudFrontException.class, client::listDistributions)
                            .statusCode());
        }
    }
}
