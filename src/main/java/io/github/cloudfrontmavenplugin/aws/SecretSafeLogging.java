package io.github.cloudfrontmavenplugin.aws;

import java.util.List;

/**
 * Keeps session tokens out of the build log, even with {@code mvn -X}.
 *
 * <p>The SDK's SigV4 signers log the canonical request at DEBUG, and for temporary credentials (OIDC in CI, assumed
 * roles, SSO) it holds the {@code x-amz-security-token} header; the HTTP client logs every header and body it sends
 * and receives, such as the credentials STS answers with. Maven's SLF4J provider reads a logger's level from a
 * system property when the logger is created ({@code maven.logger.log.<name>} in Maven 4, {@code
 * org.slf4j.simpleLogger.log.<name>} before, which Maven 4 still reads but warns about when it is the only one), so
 * capping those loggers at INFO before the first request is signed keeps the token out whatever the log level.
 */
public final class SecretSafeLogging {
    static final List<String> SECRET_BEARING_LOGGERS = List.of(
            "software.amazon.awssdk.http.auth.aws.internal.signer",
            "software.amazon.awssdk.auth.signer",
            // The HTTP client's header and wire logs: request headers carry session and bearer tokens, and STS's,
            // SSO's and the credential endpoints' answers carry secret keys.
            "org.apache.http.wire",
            "org.apache.http.headers",
            "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers",
            // A failed credential source's exception with its causes, at DEBUG: for a credential_process, all of its
            // stderr, and a piece of its stdout (which holds secrets) when that is not the JSON expected. The
            // chain's final message, which the build's error keeps as its cause, still says what each source said.
            "software.amazon.awssdk.utils.cache.CachedSupplier",
            "software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain");

    private SecretSafeLogging() {}

    /**
     * Before anything in this class realm signs a request or builds an HTTP client: a logger's level is fixed when it
     * is created, so a warm-up that signed first would leave the signer at DEBUG for the real requests.
     */
    public static void capSecretBearingLoggers() {
        for (String logger : SECRET_BEARING_LOGGERS) {
            System.setProperty("maven.logger.log." + logger, "info");
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
        }
    }
}
