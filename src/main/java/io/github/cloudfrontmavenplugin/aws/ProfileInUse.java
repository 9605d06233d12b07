package io.github.cloudfrontmavenplugin.aws;

import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The AWS profile a build reads, and what kind of sign-in it holds, as the SDK would read it: the one named in {@code
 * <profile>}, else {@code AWS_PROFILE} ({@code aws.profile}), else {@code default}, from {@code ~/.aws/config} and
 * {@code ~/.aws/credentials} (or {@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}).
 *
 * @param name the profile's name
 * @param kind how it signs in, following {@code source_profile} to the profile that holds the sign-in
 */
record ProfileInUse(String name, Kind kind) {
    /** How a profile gets its credentials, as far as the advice for a failure differs. */
    enum Kind {
        /** IAM Identity Center: {@code sso_session} or {@code sso_start_url}, after {@code aws sso login}. */
        SSO,
        /** Console sign-in: {@code login_session}, after {@code aws login}. */
        CONSOLE_SIGN_IN,
        /** An external program: {@code credential_process}. */
        PROCESS,
        /** Keys, a web identity token, or no such profile: nothing more to say than the SDK's message. */
        OTHER
    }

    /** At most this many {@code source_profile} hops, as a loop in the configuration must not hang the build. */
    private static final int MOST_HOPS = 8;

    static ProfileInUse of(Optional<String> chosen) {
        String name = chosen.orElseGet(
                () -> ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default"));
        Kind kind;
        try {
            kind = kindOf(ProfileFile.defaultProfileFile(), name);
        } catch (RuntimeException unreadable) {
            // The SDK reports an unreadable file in its own message.
            kind = Kind.OTHER;
        }
        return new ProfileInUse(name, kind);
    }

    private static Kind kindOf(ProfileFile file, String name) {
        Optional<Profile> profile = file.profile(name);
        for (int hop = 0; profile.isPresent() && hop < MOST_HOPS; hop++) {
            Profile p = profile.get();
            if (p.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent()) {
                return Kind.PROCESS;
            }
            if (p.property("sso_session").isPresent()
                    || p.property(ProfileProperty.SSO_START_URL).isPresent()) {
                return Kind.SSO;
            }
            if (p.property(ProfileProperty.LOGIN_SESSION).isPresent()) {
                return Kind.CONSOLE_SIGN_IN;
            }
            profile = p.property(ProfileProperty.SOURCE_PROFILE).flatMap(file::profile);
        }
        return Kind.OTHER;
    }
}
