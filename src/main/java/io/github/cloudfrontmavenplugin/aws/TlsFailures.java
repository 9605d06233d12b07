package io.github.cloudfrontmavenplugin.aws;

import java.io.File;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Explains a TLS failure in the user's terms. Behind a proxy that inspects TLS, the usual cause is that the JVM does
 * not trust the proxy's certificate authority; the fix is a trust store that holds it.
 */
public final class TlsFailures {
    private TlsFailures() {}

    /** @return the explanation, when {@code failure} was caused by TLS */
    public static Optional<String> explain(Throwable failure, String host) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof CertificateException) {
                return Optional.of("TLS to " + host + " failed (" + cause.getMessage() + "). The JVM checked the"
                        + " certificate against the trust store " + trustStore() + ". If a proxy inspects TLS, it"
                        + " presents certificates signed by its own CA: add that CA to a trust store (keytool"
                        + " -importcert -alias corporate-proxy -file proxy-ca.pem -keystore truststore.p12 -storepass"
                        + " changeit) and run the build with -Djavax.net.ssl.trustStore=/path/to/truststore.p12"
                        + " -Djavax.net.ssl.trustStorePassword=changeit, in MAVEN_OPTS or .mvn/jvm.config.");
            }
        }
        return Optional.empty();
    }

    /** The trust store the JVM uses, as JSSE chooses it. */
    static String trustStore() {
        String configured = System.getProperty("javax.net.ssl.trustStore");
        if (configured != null && !configured.isBlank()) {
            return configured + " (javax.net.ssl.trustStore)";
        }
        File security = new File(System.getProperty("java.home"), "lib/security");
        File jsse = new File(security, "jssecacerts");
        return (jsse.isFile() ? jsse : new File(security, "cacerts")) + " (the JVM's default; javax.net.ssl.trustStore"
                + " is not set)";
    }
}
