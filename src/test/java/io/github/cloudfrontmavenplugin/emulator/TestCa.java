package io.github.cloudfrontmavenplugin.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time, as the one a TLS-inspecting corporate proxy re-signs with: it issues a
 * certificate for any host name on demand, and writes the trust store a build points {@code javax.net.ssl.trustStore}
 * at.
 */
public final class TestCa {
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private final KeyPair key;
    private final X509Certificate certificate;
    private final AtomicLong serial = new AtomicLong(1);
    private final Map<String, SSLContext> servers = new ConcurrentHashMap<>();

    private TestCa() throws GeneralSecurityException, IOException {
        key = ecKeyPair();
        X500Name name = new X500Name("CN=cloudfront-maven-plugin test proxy CA");
        certificate = sign(new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(serial.getAndIncrement()),
                        Date.from(Instant.now().minus(Duration.ofDays(1))),
                        Date.from(Instant.now().plus(Duration.ofDays(2))),
                        name,
                        key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
    }

    public static TestCa create() throws GeneralSecurityException, IOException {
        return new TestCa();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A PKCS12 trust store that holds only this CA, password {@link #TRUST_STORE_PASSWORD}. */
    public Path writeTrustStore(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("test-proxy-ca", certificate);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    /** A client context that trusts only this CA, for tests that talk to the proxy themselves. */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("test-proxy-ca", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A server context presenting a certificate for {@code host}, issued by this CA on first use. */
    public SSLContext serverContext(String host) {
        return servers.computeIfAbsent(host.toLowerCase(), this::issue);
    }

    private SSLContext issue(String host) {
        try {
            KeyPair hostKey = ecKeyPair();
            X509Certificate hostCertificate = sign(new JcaX509v3CertificateBuilder(
                            new X500Name("CN=cloudfront-maven-plugin test proxy CA"),
                            BigInteger.valueOf(serial.getAndIncrement()),
                            Date.from(Instant.now().minus(Duration.ofDays(1))),
                            Date.from(Instant.now().plus(Duration.ofDays(2))),
                            new X500Name("CN=" + host),
                            hostKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, host))));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = TRUST_STORE_PASSWORD.toCharArray();
            store.setKeyEntry("host", hostKey.getPrivate(), password, new Certificate[] {hostCertificate, certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue a test certificate for " + host, e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
