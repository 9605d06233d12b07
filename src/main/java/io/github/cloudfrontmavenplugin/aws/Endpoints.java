package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Reads an endpoint parameter ({@code endpoint}, {@code s3Endpoint}, {@code stsEndpoint}) before any call. */
public final class Endpoints {
    private Endpoints() {}

    /**
     * @param parameter how the user set it, for the message, such as {@code <endpoint> (cloudfront.endpoint)}
     * @param example a URL of the right shape, such as {@code http://localhost:4566}
     * @param unset what leaving it unset does, such as {@code to call CloudFront}
     * @return the URL, or empty when the value is blank
     */
    public static Optional<URI> parse(String value, String parameter, String example, String unset)
            throws UserFixableException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below with the fix
        }
        throw new UserFixableException(parameter + " is '" + value + "', which is not an http(s) URL. Use a URL such"
                + " as " + example + ", or leave it unset " + unset + ".");
    }
}
