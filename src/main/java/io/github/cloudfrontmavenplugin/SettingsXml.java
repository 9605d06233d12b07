package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.aws.Proxies;
import io.github.cloudfrontmavenplugin.aws.ProxySettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What the plugin takes from settings.xml, decrypted as the deploy and wagon plugins do: an access key from a
 * {@code <server>} (the username is the access key ID, the password its secret), and the active {@code <proxy>}.
 */
final class SettingsXml {
    private SettingsXml() {}

    static CredentialSource fromServer(Settings settings, SettingsDecrypter decrypter, String serverId)
            throws UserFixableException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new UserFixableException("<serverId> (cloudfront.serverId) is '" + serverId + "', but settings.xml"
                    + " has no <server> with that <id>. Add <server><id>" + serverId + "</id><username>access key"
                    + " ID</username><password>secret access key</password></server> to ~/.m2/settings.xml, or"
                    + " leave serverId unset to use the AWS SDK's credentials.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new UserFixableException("Cannot decrypt the password of <server> '" + serverId + "' in"
                        + " settings.xml: " + problem.getMessage() + ". Check settings-security.xml (the master"
                        + " password), or give the secret unencrypted.");
            }
        }
        Server decrypted = result.getServer();
        if (isBlank(decrypted.getUsername()) || isBlank(decrypted.getPassword())) {
            throw new UserFixableException("<server> '" + serverId + "' in settings.xml needs a <username> (the AWS"
                    + " access key ID) and a <password> (its secret access key).");
        }
        return CredentialSource.accessKey(decrypted.getUsername().strip(), decrypted.getPassword());
    }

    /** The active proxy for HTTP(S), if settings.xml has one. */
    static Optional<ProxySettings> activeProxy(Settings settings, SettingsDecrypter decrypter)
            throws UserFixableException {
        Proxy proxy = settings == null ? null : settings.getActiveProxy();
        if (proxy == null
                || !(proxy.getProtocol() == null || proxy.getProtocol().startsWith("http"))) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new UserFixableException("Cannot decrypt the password of <proxy> '" + proxy.getId() + "' in"
                        + " settings.xml: " + problem.getMessage() + ". Check settings-security.xml (the master"
                        + " password), or give the password unencrypted.");
            }
        }
        Proxy decrypted = result.getProxy();
        // <protocol> says which URLs the proxy serves (http or https), as Maven reads it; the proxy itself is spoken
        // to in plain HTTP, with CONNECT for https URLs, as Maven's own transport does.
        return Optional.of(new ProxySettings(
                "http",
                decrypted.getHost(),
                decrypted.getPort(),
                Optional.ofNullable(decrypted.getUsername()).filter(u -> !u.isBlank()),
                Optional.ofNullable(decrypted.getPassword()).filter(p -> !p.isEmpty()),
                Proxies.split(decrypted.getNonProxyHosts()),
                "settings.xml <proxy> '" + decrypted.getId() + "'"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
