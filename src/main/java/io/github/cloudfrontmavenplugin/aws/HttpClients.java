package io.github.cloudfrontmavenplugin.aws;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The one HTTP client setup the plugin's AWS clients share: timeouts, and the proxy from settings.xml. */
public final class HttpClients {
    /** The Apache client's own default: plenty for the few calls of an invalidation or a manifest. */
    public static final int DEFAULT_MAX_CONNECTIONS = 50;

    private HttpClients() {}

    public static ApacheHttpClient.Builder apache(Optional<ProxySettings> proxy) {
        ApacheHttpClient.Builder builder = ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30));
        proxy.ifPresent(p -> builder.proxyConfiguration(p.toApacheConfiguration()));
        return builder;
    }
}
