package io.github.cloudfrontmavenplugin.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * What every AWS client of the plugin shares, whichever the service: HTTP client, proxy, retries, endpoint, and the
 * plugin's name and version in the User-Agent.
 */
public final class AwsClients {
    private AwsClients() {}

    /**
     * @param service for the {@code -X} log: {@code CloudFront}
     * @param endpoint an endpoint override (emulators, tests), else {@code defaultEndpoint}
     * @param defaultEndpoint where the SDK sends requests without an override, for the proxy decision and the log
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String service, Optional<URI> endpoint, URI defaultEndpoint, Proxies proxies, Retries retries) {
        return configure(
                builder, service, endpoint, defaultEndpoint, proxies, retries, HttpClients.DEFAULT_MAX_CONNECTIONS);
    }

    /** @param maxConnections how many requests may be in flight at once */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder,
            String service,
            Optional<URI> endpoint,
            URI defaultEndpoint,
            Proxies proxies,
            Retries retries,
            int maxConnections) {
        builder.httpClientBuilder(HttpClients.forEndpoint(proxies, service, endpoint.orElse(defaultEndpoint))
                .maxConnections(Math.max(maxConnections, 1)));
        return retriesAndEndpoint(builder, endpoint, retries);
    }

    /** As the other {@code configure}, with an HTTP client of the caller's, which the SDK's client does not close. */
    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, SdkHttpClient http, Optional<URI> endpoint, Retries retries) {
        builder.httpClient(http);
        return retriesAndEndpoint(builder, endpoint, retries);
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B retriesAndEndpoint(
            B builder, Optional<URI> endpoint, Retries retries) {
        // Added to what the caller configured: overrideConfiguration(Consumer) would start afresh.
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(retries.strategy())
                .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, UserAgent.PLUGIN)
                .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
