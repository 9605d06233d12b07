package io.github.cloudfrontmavenplugin.aws;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Explains a proxy that refused the connection: its 407 comes back as if the service had answered it. */
public final class ProxyFailures {
    private ProxyFailures() {}

    /** @return the explanation, when the proxy asked for credentials it did not get or did not accept */
    public static Optional<String> explain(SdkException failure, String service) {
        if (!(failure instanceof SdkServiceException answered) || answered.statusCode() != 407) {
            return Optional.empty();
        }
        return Optional.of("The proxy refused the connection to " + service + " (HTTP 407 Proxy Authentication"
                + " Required): it wants credentials that it did not get or did not accept. Give them in the"
                + " settings.xml <proxy> (<username>, <password>, which mvn --encrypt-password can encrypt), or in"
                + " the proxy URL of HTTPS_PROXY (http://user:password@proxy.example.com:3128); run with -X to see"
                + " which proxy was used.");
    }
}
