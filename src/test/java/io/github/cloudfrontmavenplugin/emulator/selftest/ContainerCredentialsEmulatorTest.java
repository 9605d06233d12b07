package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.ContainerCredentialsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class ContainerCredentialsEmulatorTest {
    @TempDir
    Path directory;

    private CloudFrontEmulator account;
    private ContainerCredentialsEmulator container;

    @BeforeEach
    void start() throws Exception {
        account = CloudFrontEmulator.start();
        container = ContainerCredentialsEmulator.start(account);
        // What EKS Pod Identity sets in the environment, as the system properties the SDK reads first.
        System.setProperty("aws.containerCredentialsFullUri", container.fullUri());
        System.setProperty(
                "aws.containerAuthorizationTokenFile",
                container.writeTokenFile(directory.resolve("token")).toString());
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationTokenFile");
        container.close();
        account.close();
    }

    private static ContainerCredentialsProvider provider() {
        return ContainerCredentialsProvider.builder().build();
    }

    @Test
    void sdkGetsCredentialsWithTheTokenFromTheFile() {
        try (ContainerCredentialsProvider provider = provider()) {
            AwsCredentials resolved = provider.resolveCredentials();

            assertEquals(1, container.issued().size());
            CredentialEndpointChecks.resolvedAsIssued(container.issued().get(0), resolved);
            assertEquals(
                    List.of("GET /v1/credentials 200"),
                    container.requests().stream()
                            .map(r -> r.method() + " " + r.path() + " " + r.status())
                            .toList());
        }
    }

    @Test
    void cloudFrontAcceptsOnlyTheCredentialsTheEndpointIssued() {
        try (ContainerCredentialsProvider provider = provider()) {
            CredentialEndpointChecks.cloudFrontAcceptsOnlyTheIssued(account, provider);
        }
    }

    @Test
    void aWrongAuthorizationTokenGetsNoCredentials() throws Exception {
        Files.writeString(directory.resolve("token"), "a-token-the-agent-never-wrote");

        try (ContainerCredentialsProvider provider = provider()) {
            assertThrows(SdkClientException.class, provider::resolveCredentials);
        }
        assertEquals(List.of(), container.issued());
        assertEquals(401, container.requests().get(0).status());
    }

    @Test
    void sdkGetsATasksCredentialsFromTheRelativeUriOnTheAgentsAddress() throws Exception {
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationTokenFile");
        try (ContainerCredentialsEmulator task = ContainerCredentialsEmulator.startForTask(account)) {
            // What ECS and CodeBuild set: the relative URI; the agent's address is the SDK's setting for it.
            System.setProperty("aws.containerCredentialsPath", task.relativeUri());
            System.setProperty("aws.containerServiceEndpoint", task.endpoint());
            try (ContainerCredentialsProvider provider = provider()) {
                AwsCredentials resolved = provider.resolveCredentials();

                CredentialEndpointChecks.resolvedAsIssued(task.issued().get(0), resolved);
            } finally {
                System.clearProperty("aws.containerCredentialsPath");
                System.clearProperty("aws.containerServiceEndpoint");
            }
            assertEquals(1, task.issued().size());
        }
    }
}
