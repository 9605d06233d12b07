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
import io.github.cloudfrontmavenplugin.emulator.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** roleArn: STS AssumeRole with the build's credentials, then CloudFront with the role's, all over HTTP. */
class AssumeRoleTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/site-deployer";

    private EmulatedCloudFront cloudFront;
    private CloudFrontEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5));
        emulator = cloudFront.emulator;
    }

    @AfterEach
    void stop() {
        cloudFront.close();
    }

    private ConnectionSettings assuming(Optional<String> externalId) {
        return cloudFront.connection.withCredentials(
                CredentialSource.DEFAULT_CHAIN.assuming(new CredentialSource.RoleToAssume(
                        ROLE, "deploy-42", externalId, Optional.of(URI.create(emulator.endpoint())))));
    }

    @Test
    void cloudFrontIsCalledWithTheAssumedRolesCredentials() throws Exception {
        try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(assuming(Optional.of("ext-7")))) {
            api.create(Target.distribution(CloudFrontEmulator.DISTRIBUTION_ID), List.of("/a"), "ref");
        }

        List<CloudFrontEmulator.AssumedRole> roles = emulator.assumedRoles();
        assertEquals(1, roles.size());
        CloudFrontEmulator.AssumedRole role = roles.get(0);
        assertEquals(ROLE, role.roleArn());
        assertEquals("deploy-42", role.sessionName());
        assertEquals(Optional.of("ext-7"), role.externalId());
        assertEquals(Optional.of(CloudFrontEmulator.ACCESS_KEY_ID), role.callerKey(), "signed with the base key");
        RecordedRequest create = emulator.requests("CreateInvalidation").get(0);
        assertEquals(201, create.status());
        assertEquals(Optional.of(role.issuedAccessKeyId()), create.accessKeyId());
        assertTrue(create.securityToken().isPresent(), "temporary credentials carry a session token");
    }

    @Test
    void aDeniedAssumeRoleSaysWhatIsMissing() {
        emulator.deny("AssumeRole");

        UserFixableException e = assertThrows(
                UserFixableException.class, () -> CloudFrontInvalidations.connect(assuming(Optional.empty())));

        assertTrue(
                e.getMessage()
                        .startsWith("Could not assume the role " + ROLE + " (<roleArn>, cloudfront.roleArn)"
                                + " through STS (AccessDenied"),
                e.getMessage());
        assertTrue(e.getMessage().contains("need sts:AssumeRole on that role"), e.getMessage());
        assertTrue(emulator.requests("CreateInvalidation").isEmpty());
    }
}
