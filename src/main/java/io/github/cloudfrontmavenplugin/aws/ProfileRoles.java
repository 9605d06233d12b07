package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * A profile of the AWS config file that assumes a role ({@code role_arn} with {@code source_profile} or {@code
 * credential_source}), assumed through the plugin's own STS client, and its source profile's sign-in through the
 * plugin's own clients ({@link ProfileSignIns}): the SDK's profile provider would build clients of its own, which know
 * nothing of the settings.xml proxy. STS is the one of the role's partition and the profile's {@code region}.
 */
final class ProfileRoles {
    /** Chains deeper than this are a loop in the config file. */
    private static final int MAX_CHAIN = 5;

    private ProfileRoles() {}

    /** Whether the profile of {@code file} has a {@code role_arn}, so that {@link #open} assumes it. */
    static boolean assumesRole(ProfileFile file, String profileName) {
        return file.profile(profileName)
                .flatMap(p -> p.property(ProfileProperty.ROLE_ARN))
                .isPresent();
    }

    /** @return the assumed role's credentials, when the profile assumes one; else empty (the SDK reads the profile) */
    static Optional<AssumedRoleCredentials> open(ProfileFile file, String profileName, Proxies proxies, Retries retries)
            throws UserFixableException {
        return open(file, profileName, proxies, retries, 0);
    }

    private static Optional<AssumedRoleCredentials> open(
            ProfileFile file, String profileName, Proxies proxies, Retries retries, int depth)
            throws UserFixableException {
        Optional<Profile> profile = file.profile(profileName);
        Optional<String> roleArn = profile.flatMap(p -> p.property(ProfileProperty.ROLE_ARN));
        if (roleArn.isEmpty()) {
            return Optional.empty();
        }
        if (depth >= MAX_CHAIN) {
            throw new UserFixableException("Profile '" + profileName + "' is part of a chain of source_profile entries"
                    + " longer than " + MAX_CHAIN + " (or a loop) in the AWS config file. Point source_profile at a"
                    + " profile with keys.");
        }
        Profile roleProfile = profile.get();
        AwsCredentialsProvider base = base(file, profileName, roleProfile, proxies, retries, depth);
        CredentialSource.RoleToAssume role = new CredentialSource.RoleToAssume(
                roleArn.get(),
                roleProfile.property(ProfileProperty.ROLE_SESSION_NAME).orElse("cloudfront-maven-plugin"),
                roleProfile.property(ProfileProperty.EXTERNAL_ID),
                Optional.empty(),
                CredentialSource.RoleToAssume.stsRegionFor(
                        roleArn.get(), roleProfile.property(ProfileProperty.REGION)));
        return Optional.of(new AssumedRoleCredentials(base, role, proxies, retries));
    }

    private static AwsCredentialsProvider base(
            ProfileFile file, String profileName, Profile profile, Proxies proxies, Retries retries, int depth)
            throws UserFixableException {
        Optional<String> sourceProfile = profile.property(ProfileProperty.SOURCE_PROFILE);
        if (sourceProfile.isPresent()) {
            if (sourceProfile.get().equals(profileName)) {
                // A profile may name itself to hold the keys next to the role_arn.
                return ProfileCredentialsProvider.builder()
                        .profileFile(file)
                        .profileName(profileName)
                        .build();
            }
            Optional<AssumedRoleCredentials> chained = open(file, sourceProfile.get(), proxies, retries, depth + 1);
            if (chained.isPresent()) {
                return chained.get();
            }
            return ProfileSignIns.open(file, sourceProfile.get(), proxies, retries);
        }
        String credentialSource =
                profile.property(ProfileProperty.CREDENTIAL_SOURCE).orElse("");
        return switch (credentialSource) {
            case "Environment" -> EnvironmentVariableCredentialsProvider.create();
            case "Ec2InstanceMetadata" -> InstanceProfileCredentialsProvider.create();
            case "EcsContainer" -> ContainerCredentialsProvider.create();
            default ->
                throw new UserFixableException("Profile '" + profileName + "' has role_arn but neither source_profile"
                        + " nor a credential_source of Environment, Ec2InstanceMetadata or EcsContainer ('"
                        + credentialSource + "'). Add source_profile = <a profile with keys> to it.");
        };
    }
}
