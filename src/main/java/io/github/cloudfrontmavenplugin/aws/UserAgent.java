package io.github.cloudfrontmavenplugin.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * How the plugin names itself in the {@code User-Agent} of every request it makes to AWS, so that CloudTrail's
 * {@code userAgent} field, S3 access logs and AWS support can tell its calls, and its version, from other tools'. The
 * SDK's clients (S3, STS, sign-in) add {@link #PLUGIN} to the User-Agent they make; the requests the plugin makes
 * itself (CloudFront's API) send {@link #HEADER}.
 */
public final class UserAgent {
    /** The product token, such as {@code cloudfront-maven-plugin/1.2.0}. */
    public static final String PLUGIN = "cloudfront-maven-plugin/" + version();

    /**
     * The whole header of a request the plugin makes without an SDK client: the plugin first, then the SDK whose HTTP
     * client, signer and retries send it, and Java, such as {@code cloudfront-maven-plugin/1.2.0
     * aws-sdk-java/2.44.4 Java/17.0.9}.
     */
    public static final String HEADER =
            PLUGIN + " aws-sdk-java/" + VersionInfo.SDK_VERSION + " Java/" + System.getProperty("java.version");

    private UserAgent() {}

    private static String version() {
        // Written by the build (resource filtering), so that tests from target/classes see it too, not only the jar.
        try (InputStream in = UserAgent.class.getResourceAsStream("plugin.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin.properties is missing beside " + UserAgent.class.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
