package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

class SsoPortalEmulatorTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "SiteDeployer";

    private CloudFrontEmulator account;
    private SsoPortalEmulator portal;
    private SsoClient sso;

    @BeforeEach
    void start() throws Exception {
        account = CloudFrontEmulator.start();
        portal = SsoPortalEmulator.start(account);
        sso = SsoClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(portal.endpoint()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .build();
    }

    @AfterEach
    void stop() {
        sso.close();
        portal.close();
        account.close();
    }

    private SsoCredentialsProvider provider(String accessToken, String accountId, String roleName) {
        SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
        return builder.ssoClient(sso)
                .refreshRequest(GetRoleCredentialsRequest.builder()
                        .accessToken(accessToken)
                        .accountId(accountId)
                        .roleName(roleName)
                        .build())
                .build();
    }

    @Test
    void sdkExchangesTheAccessTokenForTheRolesCredentials() {
        String token = portal.signIn(ACCOUNT, ROLE, Instant.now().plus(Duration.ofHours(8)));

        try (SsoCredentialsProvider provider = provider(token, ACCOUNT, ROLE)) {
            AwsCredentials resolved = provider.resolveCredentials();

            CredentialEndpointChecks.resolvedAsIssued(portal.issued().get(0), resolved);
            assertEquals(
                    Map.of("role_name", ROLE, "account_id", ACCOUNT),
                    portal.requests().get(0).query());
        }
    }

    @Test
    void cloudFrontAcceptsOnlyTheCredentialsThePortalIssued() {
        String token = portal.signIn(ACCOUNT, ROLE, Instant.now().plus(Duration.ofHours(8)));

        try (SsoCredentialsProvider provider = provider(token, ACCOUNT, ROLE)) {
            CredentialEndpointChecks.cloudFrontAcceptsOnlyTheIssued(account, provider);
        }
    }

    @Test
    void anExpiredAccessTokenIsUnauthorized() {
        String token = portal.signIn(ACCOUNT, ROLE, Instant.now().minus(Duration.ofMinutes(1)));

        try (SsoCredentialsProvider provider = provider(token, ACCOUNT, ROLE)) {
            UnauthorizedException e = assertThrows(UnauthorizedException.class, provider::resolveCredentials);
            assertEquals(401, e.statusCode());
        }
        assertEquals(List.of(), portal.issued());
    }

    @Test
    void anUnknownAccessTokenIsUnauthorized() {
        try (SsoCredentialsProvider provider = provider("not-a-token-the-portal-issued", ACCOUNT, ROLE)) {
            assertThrows(UnauthorizedException.class, provider::resolveCredentials);
        }
    }

    @Test
    void aRoleTheUserIsNotAssignedIsForbidden() {
        String token = portal.signIn(ACCOUNT, ROLE, Instant.now().plus(Duration.ofHours(8)));

        try (SsoCredentialsProvider provider = provider(token, ACCOUNT, "AdministratorAccess")) {
            // ForbiddenException, which the SDK's model does not name: a plain SsoException with the status.
            assertEquals(
                    403,
                    assertThrows(SsoException.class, provider::resolveCredentials)
                            .statusCode());
        }
    }

    private SsoOidcClient oidc() {
        return SsoOidcClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(portal.endpoint()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .build();
    }

    private static String refreshTokenIn(Path cacheFile) throws IOException {
        return JsonNodeParser.create()
                .parse(Files.readString(cacheFile))
                .field("refreshToken")
                .orElseThrow()
                .text();
    }

    @Test
    void expiredAccessTokenIsRenewedWithTheCachedRefreshTokenOnce(@TempDir Path home) throws Exception {
        String expired = portal.signIn(ACCOUNT, ROLE, Instant.now().minus(Duration.ofMinutes(10)));
        String refreshToken = refreshTokenIn(portal.writeTokenCache(home, "example-org", expired));

        try (SsoOidcClient oidc = oidc()) {
            CreateTokenResponse renewed = oidc.createToken(r -> r.clientId(SsoPortalEmulator.CLIENT_ID)
                    .clientSecret("example-client-secret")
                    .grantType("refresh_token")
                    .refreshToken(refreshToken));
            try (SsoCredentialsProvider provider = provider(renewed.accessToken(), ACCOUNT, ROLE)) {
                AwsCredentials resolved = provider.resolveCredentials();

                CredentialEndpointChecks.resolvedAsIssued(portal.issued().get(0), resolved);
            }
            assertThrows(
                    InvalidGrantException.class,
                    () -> oidc.createToken(r -> r.clientId(SsoPortalEmulator.CLIENT_ID)
                            .clientSecret("example-client-secret")
                            .grantType("refresh_token")
                            .refreshToken(refreshToken)),
                    "a refresh token is used once");
        }
    }

    @Test
    void afterTheSessionEndsTheRefreshTokenIsRefused(@TempDir Path home) throws Exception {
        String expired = portal.signIn(ACCOUNT, ROLE, Instant.now().minus(Duration.ofMinutes(10)));
        String refreshToken = refreshTokenIn(portal.writeTokenCache(home, "example-org", expired));
        portal.endSessions();

        try (SsoOidcClient oidc = oidc()) {
            assertThrows(
                    InvalidGrantException.class,
                    () -> oidc.createToken(r -> r.clientId(SsoPortalEmulator.CLIENT_ID)
                            .clientSecret("example-client-secret")
                            .grantType("refresh_token")
                            .refreshToken(refreshToken)));
        }
    }

    /**
     * The AWS CLI reads the token cache as the emulator writes it and exchanges the token in the portal's shape: a
     * second client, besides the Java SDK, for both. Skipped where no {@code aws} is installed.
     */
    @Test
    void awsCliSignsInWithTheCachedTokenAtThePortal(@TempDir Path home) throws Exception {
        assumeTrue(awsCliInstalled(), "the AWS CLI is not installed");
        String token = portal.signIn(ACCOUNT, ROLE, Instant.now().plus(Duration.ofHours(8)));
        portal.writeTokenCache(home, "example-org", token);
        Files.writeString(
                home.resolve("config"),
                "[profile dev]\nsso_session = example-org\nsso_account_id = " + ACCOUNT + "\nsso_role_name = " + ROLE
                        + "\nregion = us-east-1\n\n[sso-session example-org]\nsso_region = us-east-1\nsso_start_url = "
                        + SsoPortalEmulator.START_URL + "\n");
        ProcessBuilder cli = new ProcessBuilder(
                        "aws",
                        "cloudfront",
                        "list-distributions",
                        "--profile",
                        "dev",
                        "--endpoint-url",
                        account.endpoint(),
                        "--query",
                        "DistributionList.Items[0].Id",
                        "--output",
                        "text")
                .redirectErrorStream(true);
        cli.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        cli.environment().put("HOME", home.toString());
        cli.environment().put("AWS_CONFIG_FILE", home.resolve("config").toString());
        cli.environment()
                .put(
                        "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve("no-credentials").toString());
        cli.environment().put("AWS_ENDPOINT_URL_SSO", portal.endpoint());
        Process process = cli.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.waitFor(), output);
        assertEquals(CloudFrontEmulator.DISTRIBUTION_ID, output.strip());
        assertEquals(
                Optional.of(portal.issued().get(0).accessKeyId()),
                account.requests("ListDistributions").get(0).accessKeyId());
    }

    private static boolean awsCliInstalled() {
        try {
            return new ProcessBuilder("aws", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
