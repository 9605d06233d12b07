package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that decides which proxy a connection to AWS goes through, for every client the plugin builds
 * (CloudFront, S3, STS, and the STS client of the web-identity credentials): the active {@code <proxy>} of
 * settings.xml; else the JVM's {@code https.proxyHost}/{@code https.proxyPort} (or {@code http.*} for an
 * {@code http://} endpoint) with {@code http.nonProxyHosts}; else {@code https_proxy}/{@code HTTPS_PROXY} (or
 * {@code http_proxy}/{@code HTTP_PROXY}) with {@code NO_PROXY}, read as the AWS CLI reads them; else none.
 *
 * <p>It holds only what it read, so two deploys with the same surroundings compare equal and share credentials.
 *
 * @param settingsXml the active proxy of settings.xml
 * @param systemProperties the JVM's proxy properties that were set
 * @param environment the proxy environment variables that were set
 */
public record Proxies(
        Optional<ProxySettings> settingsXml, Map<String, String> systemProperties, Map<String, String> environment) {
    /** No proxy anywhere: every host is reached directly. */
    public static final Proxies NONE = new Proxies(Optional.empty(), Map.of(), Map.of());

    static final List<String> SYSTEM_PROPERTIES = List.of(
            "https.proxyHost",
            "https.proxyPort",
            "https.proxyUser",
            "https.proxyPassword",
            "http.proxyHost",
            "http.proxyPort",
            "http.proxyUser",
            "http.proxyPassword",
            "http.nonProxyHosts");
    static final List<String> ENVIRONMENT =
            List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY");

    /** The JVM's own default for {@code http.nonProxyHosts}: loopback is reached directly. */
    private static final List<String> JVM_DEFAULT_DIRECT = List.of("localhost", "127.*", "[::1]", "0.0.0.0", "[::0]");

    public Proxies {
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
    }

    /** A proxy decision and the reason for it, for the {@code -X} log. */
    public record Choice(Optional<ProxySettings> proxy, String why) {
        @Override
        public String toString() {
            return proxy.map(p -> "proxy " + p).orElse("no proxy") + " (" + why + ")";
        }
    }

    /**
     * Reads what can name a proxy, through functions so that tests can give their own.
     *
     * @param systemProperty {@code System::getProperty} in a build
     * @param environment {@code System::getenv} in a build
     */
    public static Proxies read(
            Optional<ProxySettings> settingsXml,
            Function<String, String> systemProperty,
            Function<String, String> environment) {
        return new Proxies(settingsXml, present(SYSTEM_PROPERTIES, systemProperty), present(ENVIRONMENT, environment));
    }

    /** Checks what the decision for either scheme would read, so a malformed proxy URL fails before any call. */
    public Proxies validated() throws UserFixableException {
        for (String scheme : List.of("https", "http")) {
            try {
                choose(scheme);
            } catch (IllegalArgumentException e) {
                throw new UserFixableException(e.getMessage(), e);
            }
        }
        return this;
    }

    /** The proxy for requests to {@code endpoint}, whose scheme decides between the https and http settings. */
    public Choice forEndpoint(URI endpoint) {
        return choose("http".equalsIgnoreCase(endpoint.getScheme()) ? "http" : "https");
    }

    private Choice choose(String scheme) {
        if (settingsXml.isPresent()) {
            return new Choice(settingsXml, "the active <proxy> of settings.xml comes first");
        }
        String host = systemProperties.get(scheme + ".proxyHost");
        if (host != null && !host.isBlank()) {
            String port = systemProperties.getOrDefault(scheme + ".proxyPort", scheme.equals("https") ? "443" : "80");
            String nonProxyHosts = systemProperties.get("http.nonProxyHosts");
            ProxySettings proxy = new ProxySettings(
                    "http",
                    host.strip(),
                    port(port, "-D" + scheme + ".proxyPort"),
                    nonBlank(systemProperties.get(scheme + ".proxyUser")),
                    nonBlank(systemProperties.get(scheme + ".proxyPassword")),
                    nonProxyHosts == null ? JVM_DEFAULT_DIRECT : split(nonProxyHosts),
                    "the JVM's " + scheme + ".proxyHost");
            return new Choice(
                    Optional.of(proxy),
                    "no <proxy> in settings.xml; " + scheme + ".proxyHost is set for this " + scheme + " endpoint");
        }
        // As Python's urllib, which the AWS CLI uses: the lower-case name wins over the upper-case one.
        String variable =
                environment.containsKey(scheme + "_proxy") ? scheme + "_proxy" : scheme.toUpperCase() + "_PROXY";
        String url = environment.get(variable);
        if (url != null && !url.isBlank()) {
            String noProxyVariable = environment.containsKey("no_proxy") ? "no_proxy" : "NO_PROXY";
            List<String> direct = noProxy(environment.getOrDefault(noProxyVariable, ""));
            if (direct.contains("*")) {
                return new Choice(Optional.empty(), noProxyVariable + "=* sends every host directly");
            }
            return new Choice(
                    Optional.of(fromUrl(url.strip(), variable, direct)),
                    "no <proxy> in settings.xml, no " + scheme + ".proxyHost; " + variable + " is set");
        }
        return new Choice(
                Optional.empty(),
                "no <proxy> in settings.xml, no " + scheme + ".proxyHost, no " + scheme.toUpperCase() + "_PROXY");
    }

    /** A proxy URL of the environment, such as {@code http://user:secret@proxy.example.com:3128}. */
    private static ProxySettings fromUrl(String url, String variable, List<String> direct) {
        URI uri;
        try {
            uri = new URI(url.contains("://") ? url : "http://" + url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
            throw new IllegalArgumentException("The environment variable " + variable + " is not a proxy URL such as"
                    + " http://proxy.example.com:3128. Fix or unset it, or configure the proxy in settings.xml.");
        }
        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] user = uri.getRawUserInfo().split(":", 2);
            username = Optional.of(URLDecoder.decode(user[0], StandardCharsets.UTF_8));
            password = user.length > 1
                    ? Optional.of(URLDecoder.decode(user[1], StandardCharsets.UTF_8))
                    : Optional.empty();
        }
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        return new ProxySettings(uri.getScheme(), uri.getHost(), port, username, password, direct, variable);
    }

    /**
     * {@code NO_PROXY} as curl and Python read it: comma-separated host names, each also covering its subdomains
     * ({@code example.com} and {@code .example.com} both match {@code api.example.com}); {@code *} alone matches all.
     */
    static List<String> noProxy(String value) {
        List<String> patterns = new ArrayList<>();
        for (String entry : value.split(",")) {
            String host = entry.strip().toLowerCase();
            if (host.isEmpty()) {
                continue;
            }
            if (host.equals("*")) {
                return List.of("*");
            }
            host = host.replaceFirst(":\\d+$", "");
            String domain = host.startsWith("*.") ? host.substring(2) : host.startsWith(".") ? host.substring(1) : host;
            patterns.add(domain);
            patterns.add("*." + domain);
        }
        return List.copyOf(patterns);
    }

    /** {@code nonProxyHosts} as settings.xml and {@code http.nonProxyHosts} write it: {@code |}-separated. */
    public static List<String> split(String nonProxyHosts) {
        return nonProxyHosts == null
                ? List.of()
                : Arrays.stream(nonProxyHosts.split("[|,]"))
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .toList();
    }

    private static int port(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "', which is not a port number.");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Map<String, String> present(List<String> names, Function<String, String> lookup) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : names) {
            String value = lookup.apply(name);
            if (value != null) {
                found.put(name, value);
            }
        }
        return found;
    }

    @Override
    public String toString() {
        // The values may hold a proxy password (HTTPS_PROXY=http://user:secret@...): names only.
        return "Proxies[settingsXml=" + settingsXml + ", systemProperties=" + systemProperties.keySet()
                + ", environment=" + environment.keySet() + "]";
    }
}
