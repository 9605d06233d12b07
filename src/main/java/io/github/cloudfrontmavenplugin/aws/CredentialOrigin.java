package io.github.cloudfrontmavenplugin.aws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.useragent.BusinessMetricFeatureId;

/**
 * Tells {@code mvn -X} which source supplied the AWS credentials: in words, with the SDK's name for each step and the
 * profile where one was read. Never a key, a secret or a token.
 *
 * <p>The SDK names the source of resolved credentials in {@link AwsCredentials#providerName()} with the short codes of
 * its user-agent metrics (for example {@code n,r} for a profile with IAM Identity Center), comma-separated, first the
 * outer source; {@link BusinessMetricFeatureId} maps them to names.
 */
final class CredentialOrigin {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialOrigin.class);

    private static final Map<BusinessMetricFeatureId, String> IN_WORDS = new LinkedHashMap<>();

    static {
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_CODE, "an access key given to the plugin (settings.xml)");
        IN_WORDS.put(
                BusinessMetricFeatureId.CREDENTIALS_JVM_SYSTEM_PROPERTIES,
                "the system properties aws.accessKeyId and aws.secretAccessKey");
        IN_WORDS.put(
                BusinessMetricFeatureId.CREDENTIALS_ENV_VARS,
                "the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        IN_WORDS.put(
                BusinessMetricFeatureId.CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN,
                "a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_STS_ASSUME_ROLE, "a role assumed through STS");
        IN_WORDS.put(
                BusinessMetricFeatureId.CREDENTIALS_STS_ASSUME_ROLE_WEB_ID,
                "a role assumed through STS with a web identity token");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_PROFILE_SOURCE_PROFILE, "role_arn with source_profile");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN, "web_identity_token_file");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_PROFILE_SSO, "IAM Identity Center (SSO)");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_SSO, "IAM Identity Center (SSO)");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_PROFILE_SSO_LEGACY, "IAM Identity Center (SSO)");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_SSO_LEGACY, "IAM Identity Center (SSO)");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_PROFILE_PROCESS, "credential_process");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_PROCESS, "credential_process");
        IN_WORDS.put(
                BusinessMetricFeatureId.CREDENTIALS_HTTP,
                "the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI)");
        IN_WORDS.put(
                BusinessMetricFeatureId.CREDENTIALS_IMDS, "the EC2 instance's role, from instance metadata (IMDS)");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_PROFILE_LOGIN, "console sign-in (aws login)");
        IN_WORDS.put(BusinessMetricFeatureId.CREDENTIALS_LOGIN, "console sign-in (aws login)");
    }

    private CredentialOrigin() {}

    /** Logs at DEBUG where {@code resolved} came from; {@code chosenProfile} is the {@code <profile>} parameter. */
    static void debug(Optional<String> chosenProfile, AwsCredentials resolved) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("AWS credentials from " + describe(chosenProfile, resolved.providerName()));
        }
    }

    /** Logs at DEBUG that the credentials were exchanged for a role's. */
    static void debugAssumed(CredentialSource.RoleToAssume role) {
        LOG.debug("AWS credentials: then assumed the role " + role.roleArn() + " (<roleArn>, cloudfront.roleArn)"
                + " through STS, as session " + role.sessionName());
    }

    /** For example {@code profile 'dev': IAM Identity Center (SSO) [CREDENTIALS_PROFILE_SSO, CREDENTIALS_SSO]}. */
    static String describe(Optional<String> chosenProfile, Optional<String> providerName) {
        List<String> words = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean fromProfile = false;
        for (String code : providerName.orElse("").split(",")) {
            Optional<BusinessMetricFeatureId> feature = Arrays.stream(BusinessMetricFeatureId.values())
                    .filter(f -> f.value().equals(code.strip()))
                    .findFirst();
            if (feature.isEmpty()) {
                continue;
            }
            names.add(feature.get().name());
            fromProfile |= feature.get().name().startsWith("CREDENTIALS_PROFILE");
            String said = IN_WORDS.get(feature.get());
            if (said != null && !words.contains(said)) {
                words.add(said);
            }
        }
        String what = String.join(", then ", words);
        if (fromProfile) {
            what = "profile '" + ProfileInUse.of(chosenProfile).name() + "'" + (what.isEmpty() ? "" : ": " + what);
        }
        if (what.isEmpty()) {
            return "a source the SDK did not name (" + providerName.orElse("none") + ")";
        }
        return what + " " + names;
    }
}
