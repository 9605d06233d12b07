package io.github.cloudfrontmavenplugin.aws;

import java.util.List;
import java.util.Optional;

/**
 * One HTTP proxy and where it was found. Its text form shows neither the user name nor the password, so it can be
 * logged as it is.
 *
 * @param scheme how the client talks to the proxy itself: {@code http} (CONNECT in plain text, then TLS to the host
 *     through it), or {@code https} where an {@code HTTPS_PROXY} URL says so
 * @param direct the hosts reached without the proxy, as patterns with {@code *} matching any run of characters
 * @param origin where it was found, for the {@code -X} log: {@code settings.xml <proxy> 'corporate'}
 */
public record ProxySettings(
        String scheme,
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        List<String> direct,
        String origin) {

    public ProxySettings {
        direct = List.copyOf(direct);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port + " from " + origin
                + (username.isPresent() ? ", with credentials" : "")
                + (direct.isEmpty() ? "" : ", except for " + String.join("|", direct));
    }
}
