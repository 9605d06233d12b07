package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.endpoint.DualstackEnabledProvider;
import software.amazon.awssdk.awscore.endpoint.FipsEnabledProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.utils.Lazy;
import software.amazon.awssdk.utils.internal.SystemSettingUtils;

/**
 * The SDK's endpoint settings as its generated clients read them, with the SDK's own readers, and which setting said
 * what, for the log and messages: FIPS and dual-stack ({@code AWS_USE_FIPS_ENDPOINT}, {@code use_fips_endpoint}, ...)
 * and an endpoint named for one service ({@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, the profile's
 * {@code services} section and {@code endpoint_url}, all off with {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}).
 *
 * @param profileName the profile whose settings apply: {@code <profile>}, else {@code AWS_PROFILE}, else default
 * @param profileFile the SDK's config and credentials files, read once when first needed
 * @param fips the setting that turned FIPS on, empty when off
 * @param dualStack the setting that turned dual-stack on, empty when off
 */
public record EndpointSettings(
        String profileName, Supplier<ProfileFile> profileFile, Optional<String> fips, Optional<String> dualStack) {

    /** The names one service's generated client gives its endpoint settings. */
    public record ServiceNames(String service, String environmentVariable, String systemProperty, String profileKey) {}

    /** An endpoint a setting named, and the setting, as the user would look for it. */
    public record Configured(URI url, String setting) {}

    /**
     * @throws software.amazon.awssdk.core.exception.SdkClientException when a config file cannot be read
     * @throws IllegalStateException when a value is not one the SDK can parse
     */
    public static EndpointSettings read(ConnectionSettings settings) {
        String profileName = settings.profile()
                .orElseGet(() ->
                        ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default"));
        Supplier<ProfileFile> profileFile = new Lazy<>(ProfileFile::defaultProfileFile)::getValue;
        boolean fips = FipsEnabledProvider.builder()
                .profileFile(profileFile)
                .profileName(profileName)
                .build()
                .isFipsEnabled()
                .orElse(false);
        boolean dualStack = DualstackEnabledProvider.builder()
                .profileFile(profileFile)
                .profileName(profileName)
                .build()
                .isDualstackEnabled()
                .orElse(false);
        return new EndpointSettings(
                profileName,
                profileFile,
                fips
                        ? Optional.of(source(SdkSystemSetting.AWS_USE_FIPS_ENDPOINT, "use_fips_endpoint", profileName))
                        : Optional.empty(),
                dualStack
                        ? Optional.of(source(
                                SdkSystemSetting.AWS_USE_DUALSTACK_ENDPOINT, "use_dualstack_endpoint", profileName))
                        : Optional.empty());
    }

    /**
     * The endpoint the SDK's settings name for {@code names}' service, read by the SDK's own {@link
     * AwsClientEndpointProvider}.
     *
     * @throws UserFixableException when the setting is not an http(s) URL
     */
    public Optional<Configured> configuredEndpoint(ServiceNames names) throws UserFixableException {
        Optional<URI> url = AwsClientEndpointProvider.builder()
                .serviceEndpointOverrideEnvironmentVariable(names.environmentVariable())
                .serviceEndpointOverrideSystemProperty(names.systemProperty())
                .serviceProfileProperty(names.profileKey())
                .profileFile(profileFile)
                .profileName(profileName)
                .resolveFromOverrides();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String setting = overrideSource(url.get(), names);
        URI value = url.get();
        if (!("http".equals(value.getScheme()) || "https".equals(value.getScheme())) || value.getHost() == null) {
            throw new UserFixableException(setting + " is '" + value + "', which is not an http(s) URL for "
                    + names.service() + ". Use a URL such as http://localhost:4566, or unset it to call "
                    + names.service() + " itself.");
        }
        return Optional.of(new Configured(value, setting));
    }

    /** " with FIPS on (AWS_USE_FIPS_ENDPOINT) and dual-stack on (...)", or nothing when both are off. */
    public String variants() {
        StringBuilder why = new StringBuilder();
        fips.ifPresent(f -> why.append(" with FIPS on (").append(f).append(")"));
        dualStack.ifPresent(d -> why.append(fips.isPresent() ? " and" : " with")
                .append(" dual-stack on (")
                .append(d)
                .append(")"));
        return why.toString();
    }

    /**
     * An endpoint as the SDK gives it to its endpoint rules ({@code ClientEndpointProvider.sanitizedEndpointString}):
     * without user information or query.
     */
    public static String sanitized(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, url.getFragment())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    /**
     * Which setting gave the SDK {@code url}, named in the order the SDK reads them (AwsClientEndpointProvider's): for
     * the log only, as the SDK does not say.
     */
    private String overrideSource(URI url, ServiceNames names) {
        String value = url.toString();
        for (String property : List.of(names.systemProperty(), "aws.endpointUrl")) {
            if (value.equals(System.getProperty(property))) {
                return "system property " + property;
            }
        }
        for (String variable : List.of(names.environmentVariable(), "AWS_ENDPOINT_URL")) {
            if (SystemSettingUtils.resolveEnvironmentVariable(variable)
                    .filter(value::equals)
                    .isPresent()) {
                return variable;
            }
        }
        Optional<Profile> profile = profileFile.get().profile(profileName);
        Optional<String> services = profile.flatMap(p -> p.property("services"));
        if (services.flatMap(name -> profileFile.get().getSection("services", name))
                .flatMap(s -> s.property(names.profileKey() + ".endpoint_url"))
                .filter(value::equals)
                .isPresent()) {
            return "endpoint_url of " + names.profileKey() + " in [services " + services.get() + "] (profile "
                    + profileName + ")";
        }
        for (String key : List.of(names.profileKey() + ".endpoint_url", "endpoint_url")) {
            if (profile.flatMap(p -> p.property(key)).filter(value::equals).isPresent()) {
                return key + " of profile " + profileName;
            }
        }
        return "the AWS SDK's endpoint settings";
    }

    /** Which setting turned FIPS or dual-stack on: its system property, environment variable or profile key. */
    private static String source(SdkSystemSetting setting, String profileKey, String profileName) {
        if (System.getProperty(setting.property()) != null) {
            return "system property " + setting.property();
        }
        if (SystemSettingUtils.resolveEnvironmentVariable(setting.environmentVariable())
                .isPresent()) {
            return setting.environmentVariable();
        }
        return profileKey + " of profile " + profileName;
    }
}
