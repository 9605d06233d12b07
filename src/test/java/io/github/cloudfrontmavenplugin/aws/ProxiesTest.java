package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxiesTest {
    private static final URI HTTPS = URI.create("https://cloudfront.amazonaws.com");
    private static final URI HTTP = URI.create("http://127.0.0.1:4566");
    private static final ProxySettings SETTINGS_XML = new ProxySettings(
            "http", "settings-proxy", 3128, Optional.of("build"), Optional.of("secret"), List.of(), "settings.xml");

    private static Proxies proxies(
            Optional<ProxySettings> settingsXml, Map<String, String> properties, Map<String, String> environment) {
        return Proxies.read(settingsXml, properties::get, environment::get);
    }

    private static ProxySettings chosen(Proxies proxies, URI endpoint) {
        return proxies.forEndpoint(endpoint).proxy().orElseThrow();
    }

    @Test
    void settingsXmlProxyComesBeforeJvmPropertiesAndEnvironment() {
        Proxies proxies = proxies(
                Optional.of(SETTINGS_XML),
                Map.of("https.proxyHost", "jvm-proxy"),
                Map.of("HTTPS_PROXY", "http://env-proxy:8080"));

        assertEquals("settings-proxy", chosen(proxies, HTTPS).host());
    }

    @Test
    void httpsProxyHostServesHttpsEndpoints() {
        Proxies proxies = proxies(
                Optional.empty(),
                Map.of("https.proxyHost", "jvm-proxy", "https.proxyPort", "8443", "http.proxyHost", "plain-proxy"),
                Map.of("HTTPS_PROXY", "http://env-proxy:8080"));

        ProxySettings proxy = chosen(proxies, HTTPS);

        assertEquals("jvm-proxy:8443", proxy.host() + ":" + proxy.port());
    }

    @Test
    void httpProxyHostServesOnlyHttpEndpoints() {
        Proxies proxies = proxies(Optional.empty(), Map.of("http.proxyHost", "plain-proxy"), Map.of());

        assertEquals("plain-proxy", chosen(proxies, HTTP).host());
        assertTrue(proxies.forEndpoint(HTTPS).proxy().isEmpty());
    }

    @Test
    void jvmProxyWithoutNonProxyHostsKeepsTheJvmDefaultOfDirectLoopback() {
        Proxies proxies = proxies(Optional.empty(), Map.of("https.proxyHost", "jvm-proxy"), Map.of());

        assertTrue(chosen(proxies, HTTPS).direct().containsAll(List.of("localhost", "127.*")));
    }

    @Test
    void httpsProxyVariableWithCredentialsAndNoProxy() {
        Proxies proxies = proxies(
                Optional.empty(),
                Map.of(),
                Map.of("HTTPS_PROXY", "http://ci%40corp:s3cr%3At@proxy.corp:3128", "NO_PROXY", "localhost,.internal"));

        ProxySettings proxy = chosen(proxies, HTTPS);

        assertEquals("proxy.corp:3128", proxy.host() + ":" + proxy.port());
        assertEquals(Optional.of("ci@corp"), proxy.username());
        assertEquals(Optional.of("s3cr:t"), proxy.password());
        assertEquals(List.of("localhost", "*.localhost", "internal", "*.internal"), proxy.direct());
    }

    @Test
    void lowerCaseVariableWinsAsInTheAwsCli() {
        Proxies proxies = proxies(
                Optional.empty(), Map.of(), Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"));

        assertEquals("lower", chosen(proxies, HTTPS).host());
    }

    @Test
    void httpProxyVariableIsNotUsedForHttpsEndpoints() {
        Proxies proxies = proxies(Optional.empty(), Map.of(), Map.of("HTTP_PROXY", "http://plain:3128"));

        assertTrue(proxies.forEndpoint(HTTPS).proxy().isEmpty());
        assertEquals("plain", chosen(proxies, HTTP).host());
    }

    @Test
    void noProxyStarSendsEverythingDirectly() {
        Proxies proxies = proxies(Optional.empty(), Map.of(), Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "*"));

        assertTrue(proxies.forEndpoint(HTTPS).proxy().isEmpty());
    }

    @Test
    void malformedProxyVariableIsReportedBeforeAnyCall() {
        Proxies proxies = proxies(Optional.empty(), Map.of(), Map.of("HTTPS_PROXY", "ftp://proxy:21"));

        UserFixableException e = assertThrows(UserFixableException.class, proxies::validated);
        assertTrue(e.getMessage().contains("HTTPS_PROXY"), e.getMessage());
    }

    @Test
    void theReasonNamesTheSourceAndNeverTheCredentials() {
        Proxies proxies = proxies(Optional.empty(), Map.of(), Map.of("HTTPS_PROXY", "http://ci:topsecret@proxy:3128"));

        String logged = proxies.forEndpoint(HTTPS).toString() + proxies;

        assertTrue(logged.contains("HTTPS_PROXY"), logged);
        assertFalse(logged.contains("topsecret"), logged);
        assertFalse(logged.contains("ci:"), logged);
    }
}
