package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web-identity token named by the environment (CI OIDC), exchanged through the plugin's own STS client; the
 * environment is given as a map, as the Mojo gives System::getenv.
 */
class WebIdentityTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/github-deploy";

    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private CloudFrontEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5));
        emulator = cloudFront.emulator;
        // The SDK's own setting for STS's endpoint, which every STS client it builds reads.
        System.setProperty("aws.endpointUrlSts", emulator.endpoint());
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.endpointUrlSts");
        cloudFront.close();
    }

    private CredentialSource fromEnvironment(Map<String, String> environment) {
        return CredentialSource.DEFAULT_CHAIN.withEnvironment(name -> null, environment::get);
    }

    private Map<String, String> oidc() throws Exception {
        Path token = Files.writeString(dir.resolve("token.jwt"), "eyJhbGciOiJSUzI1NiJ9.e30.signature");
        return Map.of(
                "AWS_WEB_IDENTITY_TOKEN_FILE",
                token.toString(),
                "AWS_ROLE_ARN",
                ROLE,
                "AWS_ROLE_SESSION_NAME",
                "gha-run-7");
    }

    @Test
    void theTokenIsExchangedForTheRoleAndCloudFrontIsCalledWithIt() throws Exception {
        ConnectionSettings settings = cloudFront.connection.withCredentials(fromEnvironment(oidc()));

        try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(settings)) {
            api.create(Target.distribution(CloudFrontEmulator.DISTRIBUTION_ID), List.of("/a"), "ref");
        }

        CloudFrontEmulator.AssumedRole role = emulator.assumedRoles().get(0);
        assertEquals("AssumeRoleWithWebIdentity", role.action());
        assertEquals("gha-run-7", role.sessionName());
        assertEquals(
                Optional.of(role.issuedAccessKeyId()),
                emulator.requests("CreateInvalidation").get(0).accessKeyId());
    }

    @Test
    void aTokenThatIsRefusedIsReportedAsTheTokensFailureNotAsMissingCredentials() throws Exception {
        emulator.deny("AssumeRoleWithWebIdentity");
        ConnectionSettings settings = cloudFront.connection.withCredentials(fromEnvironment(oidc()));

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> CloudFrontInvalidations.connect(settings));

        assertTrue(
                e.getMessage()
                        .startsWith("The web identity token of AWS_WEB_IDENTITY_TOKEN_FILE (" + dir.resolve("token.jwt")
                                + ") could not be exchanged through STS for the role of AWS_ROLE_ARN (" + ROLE
                                + "): AccessDenied"),
                e.getMessage());
        assertTrue(emulator.requests("CreateInvalidation").isEmpty());
    }

    @Test
    void anAccessKeyInTheEnvironmentComesBeforeTheTokenAsInTheSdkChain() throws Exception {
        Map<String, String> both = new java.util.HashMap<>(oidc());
        both.put("AWS_ACCESS_KEY_ID", CloudFrontEmulator.ACCESS_KEY_ID);

        assertEquals(CredentialSource.DEFAULT_CHAIN, fromEnvironment(both));
    }

    @Test
    void aTokenWithoutARoleIsNotAWebIdentity() {
        assertEquals(
                CredentialSource.DEFAULT_CHAIN,
                fromEnvironment(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token")));
    }
}
