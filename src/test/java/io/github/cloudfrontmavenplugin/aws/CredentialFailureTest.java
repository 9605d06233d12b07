package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each source that is set up but unusable fails with what to run; with the real SDK providers, through a profile. */
class CredentialFailureTest {
    @TempDir
    Path directory;

    // Unique names: nothing in this machine's ~/.aws/sso or ~/.aws/login cache can match them.
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void ownConfigFile() {
        System.setProperty("aws.configFile", directory.resolve("config").toString());
        System.setProperty(
                "aws.sharedCredentialsFile", directory.resolve("credentials").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    private UserFixableException failure(String config, String profile) throws Exception {
        Files.writeString(directory.resolve("config"), config);
        return assertThrows(
                UserFixableException.class,
                () -> AwsCredentials.resolve(CredentialSource.profile(profile), Proxies.NONE, Retries.DEFAULT));
    }

    private Path script(String body) throws Exception {
        Path script = directory.resolve("credential-helper.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    @Test
    void failingCredentialProcessShowsItsExitCodeAndFirstErrorLineButNoOutput() throws Exception {
        Path script = script("echo '{\"SecretAccessKey\": \"stdout-secret-1234\"}'\n"
                + "echo 'op: you are not signed in' >&2\necho 'second error line' >&2\nexit 3");

        UserFixableException e = failure("[profile vault]\ncredential_process = " + script + "\n", "vault");

        assertEquals(
                "The credential_process of profile 'vault' (<profile>, cloudfront.profile) failed with exit code 3:"
                        + " op: you are not signed in. Fix what it reports (often: sign in to the tool it runs, such"
                        + " as 1Password, aws-vault or Granted), then build again.",
                e.getMessage());
        assertNull(e.getCause(), "the SDK's exceptions quote the whole stderr; they stay out of the build log");
    }

    @Test
    void credentialProcessThatPrintsNoCredentialsIsNotQuoted() throws Exception {
        Path script = script("echo 'stdout-secret-5678 is not JSON'");

        UserFixableException e = failure("[profile vault]\ncredential_process = " + script + "\n", "vault");

        assertTrue(e.getMessage().contains("did not print the JSON the AWS CLI expects"), e.getMessage());
        assertFalse(e.getMessage().contains("stdout-secret"), e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void ssoProfileWithoutACurrentTokenSaysToRunAwsSsoLogin() throws Exception {
        UserFixableException e = failure(
                "[profile dev]\nsso_session = corp-" + unique + "\nsso_account_id = 123456789012\n"
                        + "sso_role_name = SiteDeployer\nregion = us-east-1\n\n[sso-session corp-" + unique + "]\n"
                        + "sso_region = us-east-1\nsso_start_url = https://example-org.awsapps.com/start\n",
                "dev");

        assertEquals(
                "The IAM Identity Center (SSO) sign-in of profile 'dev' (<profile>, cloudfront.profile) has expired"
                        + " or was not made on this machine. Run 'aws sso login --profile dev', then build again.",
                e.getMessage());
    }

    @Test
    void roleProfileOnAnSsoProfileSaysToSignInWithTheProfileTheBuildUses() throws Exception {
        UserFixableException e = failure(
                "[profile sso]\nsso_start_url = https://example-org.awsapps.com/start/" + unique
                        + "\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Dev\n\n"
                        + "[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/site-deploy\n"
                        + "source_profile = sso\n",
                "deployer");

        assertTrue(e.getMessage().contains("Run 'aws sso login --profile deployer'"), e.getMessage());
    }

    @Test
    void roleProfileWhoseStsCannotBeReachedNamesTheHostAndTheConnectionNotASignIn() throws Exception {
        Files.writeString(
                directory.resolve("config"),
                "[profile keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = example-secret\n\n"
                        + "[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/site-deploy\n"
                        + "source_profile = keys\n");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // The settings.xml proxy is down: STS is called through it, as every other service.
        Proxies proxyDown = new Proxies(
                Optional.of(new ProxySettings(
                        "http",
                        "127.0.0.1",
                        closedPort,
                        Optional.empty(),
                        Optional.empty(),
                        java.util.List.of(),
                        "settings.xml <proxy> 'corporate'")),
                java.util.Map.of(),
                java.util.Map.of());

        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> AwsCredentials.resolve(
                        CredentialSource.profile("deployer"),
                        proxyDown,
                        new Retries(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1))));

        assertTrue(
                e.getMessage()
                        .startsWith("Could not get the AWS credentials of profile 'deployer' (<profile>,"
                                + " cloudfront.profile): could not connect to sts.us-east-1.amazonaws.com ("),
                e.getMessage());
    }

    @Test
    void roleProfileThatStsRefusesNamesTheProfileTheRoleArnAndStssAnswer() throws Exception {
        try (CloudFrontEmulator sts = CloudFrontEmulator.start().deny("AssumeRole")) {
            System.setProperty("aws.endpointUrlSts", sts.endpoint());
            try {
                UserFixableException e = failure(
                        "[profile keys]\naws_access_key_id = " + CloudFrontEmulator.ACCESS_KEY_ID
                                + "\naws_secret_access_key = " + CloudFrontEmulator.SECRET_ACCESS_KEY + "\n\n"
                                + "[profile deployer]\nrole_arn = arn:aws:iam::123456789012:role/site-deploy\n"
                                + "source_profile = keys\n",
                        "deployer");

                assertTrue(
                        e.getMessage()
                                .startsWith("Could not assume the role of profile 'deployer' (<profile>,"
                                        + " cloudfront.profile; role_arn in the AWS config file) through STS:"
                                        + " AccessDenied: "),
                        e.getMessage());
            } finally {
                System.clearProperty("aws.endpointUrlSts");
            }
        }
    }

    @Test
    void consoleSignInProfileWithoutASessionSaysToRunAwsLogin() throws Exception {
        UserFixableException e = failure(
                "[profile console]\nlogin_session = arn:aws:iam::123456789012:user/dev-" + unique
                        + "\nregion = us-east-1\n",
                "console");

        assertEquals(
                "The console sign-in session of profile 'console' (<profile>, cloudfront.profile) has expired or was"
                        + " not made on this machine. Run 'aws login --profile console', then build again.",
                e.getMessage());
    }

    @Test
    void profileThatDoesNotExistKeepsTheSdksReason() throws Exception {
        UserFixableException e = failure("[profile other]\nregion = us-east-1\n", "missing-" + unique);

        assertTrue(
                e.getMessage().startsWith("Could not load AWS credentials from profile 'missing-" + unique + "'"),
                e.getMessage());
    }

    @Test
    void containerEndpointThatGaveNothingIsNamedBeforeTheOtherWays() {
        System.setProperty("aws.containerCredentialsFullUri", "http://127.0.0.1:9/v1/credentials");
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            String message = CredentialFailure.explain(Optional.empty(), new IllegalStateException("chain failed"))
                    .getMessage();

            assertTrue(
                    message.startsWith("No AWS credentials found. The container credentials endpoint"
                            + " (http://127.0.0.1:9/v1/credentials) gave none"),
                    message);
            assertFalse(message.contains("instance role"), "instance metadata is disabled: " + message);
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.disableEc2Metadata");
        }
    }
}
