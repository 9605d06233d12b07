import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator
import java.time.Duration

ItEmulator.start(context)
// The legacy cache is named after the start URL rather than a session.
ItCredentialSources.ssoSignedIn(context, basedir, SsoPortalEmulator.START_URL, '123456789012', 'SiteDeployer',
        Duration.ofHours(8))
true
