package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.InstanceMetadataEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class InstanceMetadataEmulatorTest {
    private CloudFrontEmulator account;
    private InstanceMetadataEmulator imds;

    @BeforeEach
    void start() throws Exception {
        // The test JVM disables instance metadata through the environment; the system property wins over it.
        System.setProperty("aws.disableEc2Metadata", "false");
        account = CloudFrontEmulator.start();
        imds = InstanceMetadataEmulator.start(account);
    }

    @AfterEach
    void stop() {
        imds.close();
        account.close();
        System.clearProperty("aws.disableEc2Metadata");
    }

    private InstanceProfileCredentialsProvider provider() {
        return InstanceProfileCredentialsProvider.builder()
                .endpoint(imds.endpoint())
                .build();
    }

    @Test
    void sdkGetsTheRolesCredentialsWithAnImdsV2Token() {
        try (InstanceProfileCredentialsProvider provider = provider()) {
            AwsCredentials resolved = provider.resolveCredentials();

            assertEquals(1, imds.issued().size());
            CredentialEndpointChecks.resolvedAsIssued(imds.issued().get(0), resolved);
            List<String> calls = imds.requests().stream()
                    .map(r -> r.method() + " " + r.path() + " " + r.status())
                    .toList();
            assertEquals(
                    List.of(
                            "PUT /latest/api/token 200",
                            "GET /latest/meta-data/iam/security-credentials/ 200",
                            "GET /latest/meta-data/iam/security-credentials/" + InstanceMetadataEmulator.ROLE + " 200"),
                    calls);
        }
    }

    @Test
    void cloudFrontAcceptsOnlyTheCredentialsTheInstanceRoleGot() {
        try (InstanceProfileCredentialsProvider provider = provider()) {
            CredentialEndpointChecks.cloudFrontAcceptsOnlyTheIssued(account, provider);
        }
    }

    @Test
    void getWithoutASessionTokenIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(imds.endpoint() + "/latest/meta-data/iam/security-credentials/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertEquals(1, imds.refusedWithoutToken());
        assertEquals(List.of(), imds.issued());
    }

    @Test
    void tokenRequestWithoutTtlIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(imds.endpoint() + "/latest/api/token"))
                                .PUT(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
    }

    @Test
    void instanceWithoutARoleGivesTheSdkNoCredentials() {
        imds.withoutRole();
        try (InstanceProfileCredentialsProvider provider = provider()) {
            assertThrows(SdkClientException.class, provider::resolveCredentials);
        }
        assertEquals(List.of(), imds.issued());
    }
}
