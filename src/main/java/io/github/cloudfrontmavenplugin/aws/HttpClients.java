package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.utils.Logger;

/**
 * The one HTTP client setup of every AWS client the plugin builds: Apache HttpClient 5, timeouts, the proxy {@link
 * Proxies} chose for the endpoint, and TLS checked against the JVM's trust store ({@code javax.net.ssl.trustStore}).
 */
public final class HttpClients {
    /** The SDK's own default: plenty for the few calls of an invalidation or a manifest. */
    public static final int DEFAULT_MAX_CONNECTIONS = 50;

    private static final Logger LOG = Logger.loggerFor(HttpClients.class);

    /** Where a client built only to load its classes would connect to; it never does. */
    public static final URI ANY_HTTPS_ENDPOINT = URI.create("https://cloudfront.amazonaws.com");

    private HttpClients() {}

    /**
     * Loads, on a thread of its own, what the first client of a cold JVM needs, while a goal does its first work (the
     * site's hashing, settings, credentials): the methods of the records that key the shared credentials, which a
     * record links through invokedynamic on first use; then the HTTP client's classes, the public-suffix list it
     * parses when built, and the JVM's TLS provider and trust store, by building one client and closing it. Each showed
     * on the goal's main thread before its first request in a wall-clock profile ({@code
     * bench/sync-listing-plan-results-2026-12-06.md}). Every client still makes its own TLS context, from the JVM's
     * settings ({@code javax.net.ssl.*}), as before.
     *
     * @return the thread, for the caller to join before its step ends
     */
    public static JoinedThreads loadAhead() {
        JoinedThreads threads = new JoinedThreads("cloudfront-load-ahead");
        threads.newThread(() -> {
                    try {
                        SharedCredentials.linkAhead();
                        forEndpoint(Proxies.NONE, "The client built ahead, which never connects", ANY_HTTPS_ENDPOINT)
                                .build()
                                .close();
                    } catch (RuntimeException e) {
                        LOG.debug(() -> "Loading the HTTP client ahead failed; the first client loads it.", e);
                    }
                })
                .start();
        return threads;
    }

    /**
     * @param service the service, for the {@code -X} log: {@code CloudFront}
     * @param endpoint where its requests go; its scheme picks the https or http proxy settings
     */
    public static Apache5HttpClient.Builder forEndpoint(Proxies proxies, String service, URI endpoint) {
        Proxies.Choice choice = proxies.forEndpoint(endpoint);
        LOG.debug(() -> service + " (" + endpoint + "): " + choice);
        ProxyConfiguration.Builder proxy =
                ProxyConfiguration.builder().useSystemPropertyValues(false).useEnvironmentVariableValues(false);
        choice.proxy().ifPresent(p -> {
            proxy.endpoint(URI.create(p.scheme() + "://" + p.host() + ":" + p.port()));
            p.username().ifPresent(proxy::username);
            p.password().ifPresent(proxy::password);
            proxy.nonProxyHosts(regexes(p));
        });
        return Apache5HttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30))
                .proxyConfiguration(proxy.build());
    }

    /** The client matches a host name against each entry as a regular expression: {@code *} becomes {@code .*}. */
    private static Set<String> regexes(ProxySettings proxy) {
        return proxy.direct().stream()
                .map(glob -> Pattern.quote(glob.toLowerCase()).replace("*", "\\E.*\\Q"))
                .collect(Collectors.toSet());
    }
}
