package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.aws.UserAgent;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import io.github.cloudfrontmavenplugin.diff.ManifestStore;
import io.github.cloudfrontmavenplugin.diff.S3ManifestStore;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.RecordedRequest;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * Every request the plugin makes to AWS names the plugin and the version the build gave it, as a token of its
 * User-Agent, whichever client sends it: CloudFront (the plugin's own client), STS and S3 (the SDK's clients).
 */
class UserAgentTest {
    @TempDir
    Path dir;

    private String token;

    @BeforeEach
    void expectedToken() {
        String version = System.getProperty("expectedPluginVersion");
        assertNotNull(version, "the build passes the project's version as expectedPluginVersion");
        assertFalse(version.isBlank() || version.contains("${"), version);
        token = "cloudfront-maven-plugin/" + version;
    }

    private void assertNamesThePlugin(String userAgent) {
        assertTrue(Arrays.asList(userAgent.split(" ")).contains(token), userAgent);
    }

    @Test
    void cloudFrontAndStsRequestsNameThePluginAndItsVersion() throws Exception {
        try (EmulatedCloudFront cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5))) {
            CloudFrontEmulator emulator = cloudFront.emulator;
            var assuming = cloudFront.connection.withCredentials(
                    CredentialSource.DEFAULT_CHAIN.assuming(new CredentialSource.RoleToAssume(
                            "arn:aws:iam::123456789012:role/site-deployer",
                            "deploy-1",
                            Optional.empty(),
                            Optional.of(URI.create(emulator.endpoint())))));
            try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(assuming)) {
                api.create(Target.distribution(CloudFrontEmulator.DISTRIBUTION_ID), List.of("/a"), "ref");
            }

            List<RecordedRequest> requests = emulator.requests();
            assertEquals(
                    List.of("AssumeRole", "CreateInvalidation"),
                    requests.stream().map(RecordedRequest::operation).toList());
            requests.forEach(request -> assertNamesThePlugin(request.userAgent()));
            assertEquals(
                    token + " aws-sdk-java/" + VersionInfo.SDK_VERSION + " Java/" + System.getProperty("java.version"),
                    requests.get(1).userAgent());
            assertEquals(UserAgent.HEADER, requests.get(1).userAgent());
        }
    }

    @Test
    void s3RequestsNameThePluginAndItsVersion() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("deploys")) {
            ConnectionSettings settings = ConnectionSettings.forS3(null, s3.endpoint(), null)
                    .withRetries(new Retries(1, Duration.ofMillis(1), Duration.ofMillis(5)));
            try (S3ManifestStore store = S3ManifestStore.connect("deploys", "www/manifest.txt", settings)) {
                assertEquals(ManifestStore.Snapshot.ABSENT, store.read(dir));
            }

            assertFalse(s3.requests().isEmpty());
            s3.requests().forEach(request -> assertNamesThePlugin(request.userAgent()));
        }
    }
}
