package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;

/**
 * Explains, in the user's terms, why no credentials came from the source a build uses: what to run (such as {@code aws
 * sso login --profile dev}), not what the SDK lacks.
 */
final class CredentialFailure {
    /** How the SDK reports a credential_process that exited non-zero: the code, then all of its stderr. */
    private static final Pattern PROCESS_EXIT =
            Pattern.compile("non-zero exit value \\((-?\\d+)\\)(?: with error message: (.*))?", Pattern.DOTALL);

    private CredentialFailure() {}

    /**
     * @param chosenProfile the {@code <profile>} parameter; empty when the SDK's default chain was asked
     * @param failure what resolving the credentials threw
     */
    static UserFixableException explain(Optional<String> chosenProfile, RuntimeException failure) {
        ProfileInUse profile = ProfileInUse.of(chosenProfile);
        String name = profile.name();
        String chosen = chosenBy(chosenProfile, name);
        switch (profile.kind()) {
            case SSO -> {
                return new UserFixableException(
                        "The IAM Identity Center (SSO) sign-in of profile '" + name + "'" + chosen + " has expired or"
                                + " was not made on this machine. Run 'aws sso login --profile " + name + "', then"
                                + " build again.",
                        failure);
            }
            case CONSOLE_SIGN_IN -> {
                return new UserFixableException(
                        "The console sign-in session of profile '" + name + "'" + chosen + " has expired or was not"
                                + " made on this machine. Run 'aws login --profile " + name + "', then build again.",
                        failure);
            }
            case PROCESS -> {
                // No cause: the SDK's exceptions quote the process's stderr in full, and, when it printed something
                // other than the credentials JSON, a piece of its stdout, which holds secrets.
                return new UserFixableException("The credential_process of profile '" + name + "'" + chosen + " "
                        + processOutcome(chosenProfile, name, failure) + " Fix what it reports (often: sign in to the"
                        + " tool it runs, such as 1Password, aws-vault or Granted), then build again.");
            }
            default -> {
                return new UserFixableException(
                        chosenProfile.isPresent() ? profileUnusable(name, failure) : noneFound(), failure);
            }
        }
    }

    /** How the build chose profile {@code name}, for a message: {@code " (AWS_PROFILE)"}; nothing for the default. */
    static String chosenBy(Optional<String> chosenProfile, String name) {
        return chosenHow(chosenProfile, name).map(how -> " (" + how + ")").orElse("");
    }

    /** {@code <profile>, cloudfront.profile} or {@code AWS_PROFILE}; empty for the {@code default} profile. */
    static Optional<String> chosenHow(Optional<String> chosenProfile, String name) {
        if (chosenProfile.isPresent()) {
            return Optional.of("<profile>, cloudfront.profile");
        }
        return name.equals("default") ? Optional.empty() : Optional.of("AWS_PROFILE");
    }

    /** What the process did: its exit code and the first line of its stderr, or that its output was not credentials. */
    private static String processOutcome(Optional<String> chosenProfile, String name, RuntimeException failure) {
        Optional<Matcher> exit = exitOf(failure);
        if (exit.isEmpty() && chosenProfile.isEmpty()) {
            // The default chain keeps only "Failed to refresh process-based credentials."; ask the profile itself
            // for the exit code and the error, which runs the failed process once more.
            try (ProfileCredentialsProvider again =
                    ProfileCredentialsProvider.builder().profileName(name).build()) {
                again.resolveCredentials();
                return "failed when the build first ran it, and worked when run again: try the build again.";
            } catch (RuntimeException second) {
                exit = exitOf(second);
            }
        }
        if (exit.isEmpty()) {
            return "did not give credentials: it ran, but did not print the JSON the AWS CLI expects (Version 1,"
                    + " AccessKeyId, SecretAccessKey; its output is not shown, as it may hold secrets).";
        }
        String stderr = Optional.ofNullable(exit.get().group(2)).orElse("").strip();
        String firstLine = stderr.lines().findFirst().orElse("").strip();
        return "failed with exit code " + exit.get().group(1)
                + (firstLine.isEmpty()
                        ? " and no error output."
                        : ": " + firstLine + (firstLine.endsWith(".") ? "" : "."));
    }

    private static Optional<Matcher> exitOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : PROCESS_EXIT.matcher(t.getMessage());
            if (m != null && m.find()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String profileUnusable(String name, RuntimeException failure) {
        return "Could not load AWS credentials from profile '" + name + "' (<profile>, cloudfront.profile): "
                + failure.getMessage() + ". Check that the profile exists in ~/.aws/config or ~/.aws/credentials (or"
                + " AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE).";
    }

    private static String noneFound() {
        return "No AWS credentials found. " + containerSaid() + instanceSaid() + "Provide them in one of the ways the"
                + " AWS SDK looks for them: the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                + " (plus AWS_SESSION_TOKEN for temporary ones); a profile, chosen with <profile> (cloudfront.profile)"
                + " or AWS_PROFILE, such as one set up by 'aws login', 'aws sso login' or 'aws configure'; a web"
                + " identity token (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN, as GitHub Actions OIDC and EKS set"
                + " them); or the role of the EC2 instance, ECS task, CodeBuild project or EKS pod. Run with -X for"
                + " what each source said.";
    }

    /** When the environment names a container credentials endpoint, that is the source that failed. */
    private static String containerSaid() {
        Optional<String> endpoint = SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_FULL_URI
                .getStringValue()
                .or(() -> SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI.getStringValue());
        return endpoint.map(uri -> "The container credentials endpoint (" + uri + ") gave none: check the ECS task"
                        + " role, the CodeBuild service role or the EKS pod identity association, and that the"
                        + " authorization token (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) is readable. ")
                .orElse("");
    }

    /** The instance metadata service is the chain's last resort; say that it found no role, unless it is disabled. */
    private static String instanceSaid() {
        boolean disabled =
                SdkSystemSetting.AWS_EC2_METADATA_DISABLED.getBooleanValue().orElse(false);
        if (disabled) {
            return "";
        }
        String endpoint = SdkSystemSetting.AWS_EC2_METADATA_SERVICE_ENDPOINT
                .getStringValue()
                .orElse("http://169.254.169.254");
        return "No EC2 instance role was found either: the instance metadata service (" + endpoint + ") did not"
                + " answer, so this is not an EC2 instance or IMDS is blocked, or the instance has no instance"
                + " profile. ";
    }
}
