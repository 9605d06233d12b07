package io.github.cloudfrontmavenplugin.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * How the plugin names itself in the {@code User-Agent} of every request it makes to AWS, so that CloudTrail's
 * {@code userAgent} field, S3 access logs and AWS support can tell its calls, and its version, from other tools'.
 */
public final class UserAgent {
    /** The product token, such as {@code cloudfront-maven-plugin/1.2.0}. */
    public static final String PLUGIN = "cloudfront-maven-plugin/" + version();

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
