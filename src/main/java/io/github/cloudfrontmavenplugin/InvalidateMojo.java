package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.InvalidateRequest;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Creates one CloudFront invalidation for the configured paths, and optionally waits until it completes.
 *
 * <p>Paths are normalised before anything is sent: a leading {@code /} is added, non-ASCII and RFC 1738-unsafe
 * characters are percent-encoded (existing {@code %XX} escapes are kept), duplicates are dropped.
 *
 * @since 1.0.0
 */
@Mojo(name = "invalidate", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class InvalidateMojo extends AbstractDeployMojo {
    @Inject
    public InvalidateMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    InvalidateRequest request() throws UserFixableException {
        return invalidateRequest();
    }
}
