package io.github.cloudfrontmavenplugin.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

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
}
