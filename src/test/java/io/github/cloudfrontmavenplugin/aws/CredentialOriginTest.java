package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.InstanceMetadataEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** What -X says about where the credentials came from, for what the real SDK providers return. */
class CredentialOriginTest {
    @TempDir
    Path directory;

    @Test
    void credentialProcessIsNamedWithItsProfile() throws Exception {
        Path script = directory.resolve("helper.sh");
        Files.writeString(
                script,
                "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"s\"}'\n");
        script.toFile().setExecutable(true);
        Path config = directory.resolve("config");
        Files.writeString(config, "[profile vault]\ncredential_process = " + script + "\n");

        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder()
                        .content(config)
                        .type(ProfileFile.Type.CONFIGURATION)
                        .build())
                .profileName("vault")
                .build()) {
            assertEquals(
                    "profile 'vault': credential_process [CREDENTIALS_PROFILE_PROCESS, CREDENTIALS_PROCESS]",
                    CredentialOrigin.describe(
                            Optional.of("vault"), provider.resolveCredentials().providerName()));
        }
    }

    @Test
    void instanceRoleIsNamedAsSuch() throws Exception {
        System.setProperty("aws.disableEc2Metadata", "false");
        try (CloudFrontEmulator account = CloudFrontEmulator.start();
                InstanceMetadataEmulator imds = InstanceMetadataEmulator.start(account);
                InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
                        .endpoint(imds.endpoint())
                        .build()) {
            assertEquals(
                    "the EC2 instance's role, from instance metadata (IMDS) [CREDENTIALS_IMDS]",
                    CredentialOrigin.describe(
                            Optional.empty(), provider.resolveCredentials().providerName()));
        } finally {
            System.clearProperty("aws.disableEc2Metadata");
        }
    }

    @Test
    void accessKeyFromSettingsIsNamedWithoutTheKey() {
        String said = CredentialOrigin.describe(
                Optional.empty(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSETTINGS", "secret-of-settings"))
                        .resolveCredentials()
                        .providerName());

        assertEquals("an access key given to the plugin (settings.xml) [CREDENTIALS_CODE]", said);
    }
}
