package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every way CloudFront or the network can fail, as the user reads it, through the real SDK and the emulator. */
class CloudFrontErrorsTest {
    private static final String DISTRIBUTION = CloudFrontEmulator.DISTRIBUTION_ID;

    private EmulatedCloudFront cloudFront;
    private CloudFrontEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(10));
        emulator = cloudFront.emulator;
    }

    @AfterEach
    void stop() {
        cloudFront.close();
    }

    private interface ApiCall {
        void run(CloudFrontInvalidations api) throws UserFixableException;
    }

    private String failure(ConnectionSettings settings, ApiCall call) {
        UserFixableException e = assertThrows(UserFixableException.class, () -> {
            try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(settings)) {
                call.run(api);
            }
        });
        assertFalse(e.getMessage().contains(CloudFrontEmulator.SECRET_ACCESS_KEY), e.getMessage());
        return e.getMessage();
    }

    private String createFailure(String distributionId, String reference, String... paths) {
        return failure(
                cloudFront.connection,
                api -> api.create(Target.distribution(distributionId), List.of(paths), reference));
    }

    @Test
    void noSuchDistributionNamesTheIdAndWhereToFindIt() {
        String message = createFailure("EUNKNOWN123", "r1", "/a");
        assertTrue(
                message.startsWith("CloudFront has no distribution 'EUNKNOWN123' (NoSuchDistribution: The specified"
                        + " distribution does not exist.)"),
                message);
        assertTrue(message.contains("<distributionId> (cloudfront.distributionId)"), message);
        assertTrue(message.contains("aws cloudfront list-distributions"), message);
    }

    @Test
    void accessDeniedNamesTheMissingIamAction() {
        emulator.deny("CreateInvalidation").deny("GetInvalidation");

        String create = createFailure(DISTRIBUTION, "r1", "/a");
        assertTrue(
                create.startsWith("CloudFront denied cloudfront:CreateInvalidation on distribution " + DISTRIBUTION),
                create);
        assertTrue(
                create.contains("Allow the IAM action cloudfront:CreateInvalidation on"
                        + " arn:aws:cloudfront::<account-id>:distribution/" + DISTRIBUTION),
                create);

        String get = failure(cloudFront.connection, api -> api.get(Target.distribution(DISTRIBUTION), "I1"));
        assertTrue(get.contains("Allow the IAM action cloudfront:GetInvalidation"), get);
    }

    @Test
    void noSuchInvalidationNamesTheId() {
        String message = failure(cloudFront.connection, api -> api.get(Target.distribution(DISTRIBUTION), "INOPE"));
        assertTrue(message.startsWith("Distribution " + DISTRIBUTION + " has no invalidation 'INOPE'"), message);
        assertTrue(message.contains("<invalidationId> (cloudfront.invalidationId)"), message);
    }

    @Test
    void batchAlreadyExistsSaysNothingNewWasCreatedAndHowToFindTheExistingOne() {
        emulator.inject(
                "CreateInvalidation",
                Fault.error("InvalidationBatchAlreadyExists", "The invalidation batch specified already exists."));

        String message = createFailure(DISTRIBUTION, "release-2", "/a");

        assertTrue(
                message.startsWith("CloudFront already has an invalidation batch with CallerReference 'release-2' on"
                        + " distribution " + DISTRIBUTION),
                message);
        assertTrue(message.contains("aws cloudfront list-invalidations --distribution-id " + DISTRIBUTION), message);
        assertFalse(message.contains("Check the paths"), message);
    }

    @Test
    void aClockTwentyMinutesOffIsNamedAsTheCause() {
        // The emulator's answers carry the real time in Date (the JDK's server sets it), so the SDK sees no skew to
        // correct: the refusal stands, as it does when a build machine's clock is off beyond what the SDK corrects.
        emulator.clockOffBy(Duration.ofMinutes(20));

        String message = createFailure(DISTRIBUTION, "r-clock", "/a");

        assertTrue(
                message.startsWith("CloudFront refused the request because it was signed more than 15 minutes away"
                        + " from AWS's clock (SignatureDoesNotMatch: Signature expired: "),
                message);
        assertTrue(message.contains("The clock of the machine running the build is off"), message);
        assertTrue(emulator.invalidations().isEmpty());
    }

    @Test
    void reusedCallerReferenceSaysToLeaveItUnset() throws Exception {
        try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(cloudFront.connection)) {
            api.create(Target.distribution(DISTRIBUTION), List.of("/a"), "release-1");
        }
        String message = createFailure(DISTRIBUTION, "release-1", "/b");
        assertTrue(
                message.contains("CallerReference 'release-1' was already used on distribution " + DISTRIBUTION
                        + " with other paths"),
                message);
        assertTrue(message.contains("Leave <callerReference> (cloudfront.callerReference) unset"), message);
    }

    @Test
    void invalidArgumentQuotesTheServerAndTheInput() {
        // The plugin never sends such a path; a raw call through the client shows how CloudFront's answer is told.
        String message = createFailure(DISTRIBUTION, "r1", "/fine", "/not fine");
        assertTrue(
                message.contains("(InvalidArgument: Your request contains one or more invalid invalidation paths.)"),
                message);
        assertTrue(message.contains("Paths sent: /fine, /not fine"), message);
    }

    @Test
    void throttlingIsRetriedThenExplained() {
        emulator.inject("CreateInvalidation", repeat(Fault.throttling(), 8));

        String message = createFailure(DISTRIBUTION, "r1", "/a");
        assertTrue(
                message.startsWith("CloudFront kept throttling CreateInvalidation (Throttling: Rate exceeded) through"
                        + " 8 attempts"),
                message);
        assertEquals(8, emulator.requests("CreateInvalidation").size());
    }

    @Test
    void serverErrorsAreRetriedThenExplained() {
        emulator.inject("GetInvalidation", repeat(Fault.serverError(503), 8));

        String message = failure(cloudFront.connection, api -> api.get(Target.distribution(DISTRIBUTION), "I1"));
        assertTrue(message.startsWith("CloudFront kept failing on GetInvalidation with HTTP 503"), message);
        assertTrue(message.contains("through 8 attempts"), message);
    }

    @Test
    void unreachableEndpointIsNamedWithTheSafeWayToRetry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionSettings nowhere = ConnectionSettings.forCloudFront(
                        "aws-global", "http://127.0.0.1:" + closedPort, null)
                .withRetries(EmulatedCloudFront.QUICK_RETRIES);

        String message = failure(nowhere, api -> api.create(Target.distribution(DISTRIBUTION), List.of("/a"), "ref-5"));
        assertTrue(message.startsWith("Could not reach CloudFront at http://127.0.0.1:" + closedPort), message);
        assertTrue(message.contains("Check <endpoint> (cloudfront.endpoint)"), message);
        assertTrue(message.contains("-Dcloudfront.callerReference=ref-5"), message);
    }

    @Test
    void connectionsLostAfterCommitCreateOneInvalidationAndSayHowToRetrySafely() {
        emulator.inject("CreateInvalidation", repeat(Fault.dropConnectionAfterCommit(), 8));

        String message = createFailure(DISTRIBUTION, "ref-6", "/a");
        assertTrue(
                message.startsWith(
                        "Lost the connection to CloudFront at " + emulator.endpoint() + " during CreateInvalidation"),
                message);
        assertTrue(message.contains("through 8 attempts"), message);
        assertTrue(message.contains("-Dcloudfront.callerReference=ref-6"), message);
        assertEquals(1, emulator.invalidations().size());
    }

    @Test
    void rejectedCredentialsSayHowToRenewThem() {
        emulator.addCredentials(CloudFrontEmulator.ACCESS_KEY_ID, "a-different-secret");

        String message = createFailure(DISTRIBUTION, "r1", "/a");
        assertTrue(message.startsWith("CloudFront rejected the AWS credentials (SignatureDoesNotMatch"), message);
    }

    @Test
    void unknownProfileIsReportedBeforeAnyCall() throws Exception {
        ConnectionSettings settings =
                ConnectionSettings.forCloudFront("aws-global", emulator.endpoint(), "no-such-profile");

        String message = failure(settings, api -> {});
        assertTrue(
                message.startsWith("Could not load AWS credentials from profile 'no-such-profile'"
                        + " (<profile>, cloudfront.profile)"),
                message);
        assertTrue(emulator.requests().isEmpty());
    }

    @Test
    void badConnectionSettingsNameTheParameter() {
        Executable badEndpoint = () -> ConnectionSettings.forCloudFront("aws-global", "localhost:4566", null);
        assertTrue(assertThrows(UserFixableException.class, badEndpoint)
                .getMessage()
                .startsWith("<endpoint> (cloudfront.endpoint) is 'localhost:4566'"));
        Executable badRegion = () -> ConnectionSettings.forCloudFront("US East", null, null);
        assertTrue(assertThrows(UserFixableException.class, badRegion)
                .getMessage()
                .startsWith("<region> (cloudfront.region) is 'US East'"));
    }

    private static Fault[] repeat(Fault fault, int times) {
        Fault[] faults = new Fault[times];
        java.util.Arrays.fill(faults, fault);
        return faults;
    }
}
