package io.github.cloudfrontmavenplugin.aws;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.apache.ProxyConfiguration;

/**
 * An HTTP proxy, as the active {@code <proxy>} of settings.xml gives it. Without one, the SDK's HTTP client uses the
 * JVM's proxy system properties ({@code https.proxyHost} ...) as it always does.
 *
 * @param nonProxyHosts hosts to reach directly, {@code |}-separated with {@code *} wildcards, as settings.xml writes
 */
public record ProxySettings(
        String protocol,
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        String nonProxyHosts) {

    @Override
    public String toString() {
        return "ProxySettings[" + protocol + "://" + host + ":" + port
                + username.map(u -> ", user " + u).orElse("") + (password.isPresent() ? ", password ****" : "")
                + ", nonProxyHosts " + nonProxyHosts + "]";
    }

    ProxyConfiguration toApacheConfiguration() {
        ProxyConfiguration.Builder proxy = ProxyConfiguration.builder()
                .endpoint(URI.create(
                        (protocol == null || protocol.isBlank() ? "http" : protocol) + "://" + host + ":" + port))
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        username.ifPresent(proxy::username);
        password.ifPresent(proxy::password);
        Set<String> direct = nonProxyHosts == null
                ? Set.of()
                : Arrays.stream(nonProxyHosts.split("[|,]"))
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .collect(Collectors.toSet());
        if (!direct.isEmpty()) {
            proxy.nonProxyHosts(direct);
        }
        return proxy.build();
    }
}
