package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.internal.SystemSettingUtilsTestBackdoor;

/**
 * The SDK's endpoint settings for a test that compares the plugin's endpoints with the SDK's clients: none from the
 * machine running it, and a config file of the test's own, which it fills.
 */
public final class EndpointEnvironment {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private final List<String> systemProperties;

    /** The config file the SDK reads, empty until the test writes it. */
    public final Path config;

    /**
     * @param dir the test's own directory, for the config file
     * @param systemProperties every property the test may set, cleared now and by {@link #clear}
     * @param variables every environment variable the test may set, unset for the SDK until {@link #clear}
     */
    public EndpointEnvironment(Path dir, List<String> systemProperties, List<String> variables) throws IOException {
        this.systemProperties = systemProperties;
        clear();
        config = dir.resolve("config");
        Files.writeString(config, "");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty(
                "aws.sharedCredentialsFile", dir.resolve("no-credentials").toString());
        // The SDK reads an empty variable as unset, as the plugin does.
        variables.forEach(v -> SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride(v, null));
        SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride("AWS_PROFILE", null);
    }

    public void clear() {
        systemProperties.forEach(System::clearProperty);
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        SystemSettingUtilsTestBackdoor.clearEnvironmentVariableOverrides();
    }

    /** The region and service a SigV4 request was signed for: {@code eu-west-1/s3}. */
    public static String scope(SdkHttpRequest request) {
        String authorization = request.firstMatchingHeader("Authorization").orElse("");
        Matcher m = SCOPE.matcher(authorization);
        assertTrue(m.find(), authorization);
        return m.group(1) + "/" + m.group(2);
    }
}
