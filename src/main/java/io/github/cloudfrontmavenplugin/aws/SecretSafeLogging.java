package io.github.cloudfrontmavenplugin.aws;

import java.util.List;

/**
 * Keeps session tokens out of the build log, even with {@code mvn -X}.
 *
 * <p>The SDK's SigV4 signers log the canonical request at DEBUG, and for temporary credentials (OIDC in CI, assumed
 * roles, SSO) it holds the {@code x-amz-security-token} header; the HTTP client's wire and header logs hold that header
 * and the bodies, among them STS's answer with the secret key and session token it issued. Maven's SLF4J provider reads a logger's level from a
 * system property when the logger is created ({@code maven.logger.log.<name>} in Maven 4, {@code
 * org.slf4j.simpleLogger.log.<name>} before, which Maven 4 still reads but warns about when it is the only one), so
 * capping those loggers at INFO before the first request is signed keeps the token out whatever the log level.
 */
final class SecretSafeLogging {
    static final List<String> SIGNER_LOGGERS = List.of(
            "software.amazon.awssdk.http.auth.aws.internal.signer",
            "software.amazon.awssdk.auth.signer",
            // Apache HttpClient 5 logs every header (X-Amz-Security-Token) and body (STS's answer holds the secret key
            // and session token it issues) at DEBUG.
            "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers");

    private SecretSafeLogging() {}

    static void capSignerLogging() {
        for (String logger : SIGNER_LOGGERS) {
            System.setProperty("maven.logger.log." + logger, "info");
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
        }
    }
}
