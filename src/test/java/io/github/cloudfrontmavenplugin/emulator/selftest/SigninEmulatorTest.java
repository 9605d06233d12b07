package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.SigninEmulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.signin.SigninClient;
import software.amazon.awssdk.services.signin.auth.LoginCredentialsProvider;

class SigninEmulatorTest {
    private static final String SESSION = "arn:aws:iam::123456789012:user/developer";

    @TempDir
    Path cache;

    private CloudFrontEmulator account;
    private SigninEmulator signin;
    private SigninClient client;

    @BeforeEach
    void start() throws Exception {
        account = CloudFrontEmulator.start();
        signin = SigninEmulator.start(account);
        client = SigninClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(signin.endpoint()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        signin.close();
        account.close();
    }

    private LoginCredentialsProvider provider() {
        return LoginCredentialsProvider.builder()
                .loginSession(SESSION)
                .signinClient(client)
                .tokenCacheLocation(cache)
                .build();
    }

    @Test
    void currentCredentialsComeFromTheCacheWithoutACall() throws Exception {
        SigninEmulator.LoginSession session = signin.signIn(SESSION, Duration.ofMinutes(15));
        SigninEmulator.writeLoginCache(cache, session);

        try (LoginCredentialsProvider provider = provider()) {
            CredentialEndpointChecks.resolvedAsIssued(session.credentials(), provider.resolveCredentials());
        }
        assertEquals(List.of(), signin.requests());
    }

    @Test
    void expiredCredentialsAreRenewedWithAProofOfTheSessionsKey() throws Exception {
        SigninEmulator.LoginSession session = signin.signIn(SESSION, Duration.ofMinutes(-5));
        Path file = SigninEmulator.writeLoginCache(cache, session);

        try (LoginCredentialsProvider provider = provider()) {
            AwsCredentials resolved = provider.resolveCredentials();

            assertEquals(2, signin.issued().size());
            CredentialEndpointChecks.resolvedAsIssued(signin.issued().get(1), resolved);
            CredentialEndpointChecks.cloudFrontAcceptsOnlyTheIssued(account, provider);
        }
        assertEquals(200, signin.requests().get(0).status());
        String cached = Files.readString(file);
        assertTrue(cached.contains(signin.issued().get(1).accessKeyId()), "the SDK stored the renewed credentials");
        assertTrue(!cached.contains(session.refreshToken()), "and the new refresh token in place of the used one");
    }

    @Test
    void aProofSignedWithAnotherKeyIsRefused() throws Exception {
        SigninEmulator.LoginSession session = signin.signIn(SESSION, Duration.ofMinutes(-5));
        SigninEmulator.LoginSession other =
                signin.signIn("arn:aws:iam::123456789012:user/other", Duration.ofMinutes(5));
        SigninEmulator.writeLoginCache(
                cache,
                new SigninEmulator.LoginSession(
                        SESSION, session.credentials(), session.refreshToken(), other.dpopKeyPem()));

        try (LoginCredentialsProvider provider = provider()) {
            assertThrows(SdkException.class, provider::resolveCredentials);
        }
        assertEquals(400, signin.requests().get(0).status());
        assertEquals(2, signin.issued().size(), "nothing issued beyond the two sign-ins");
    }

    @Test
    void afterSigningOutEverywhereTheSdkSaysToSignInAgain() throws Exception {
        SigninEmulator.LoginSession session = signin.signIn(SESSION, Duration.ofMinutes(-5));
        SigninEmulator.writeLoginCache(cache, session);
        signin.signOutEverywhere();

        try (LoginCredentialsProvider provider = provider()) {
            SdkException e = assertThrows(SdkException.class, provider::resolveCredentials);
            assertTrue(e.getMessage().contains("Please reauthenticate"), e.getMessage());
        }
        assertEquals(401, signin.requests().get(0).status());
    }
}
