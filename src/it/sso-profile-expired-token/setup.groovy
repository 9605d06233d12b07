import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator
import java.time.Duration

ItEmulator.start(context)
// The access token expired yesterday, and so did the session its refresh token belonged to.
ItCredentialSources.ssoSignedIn(context, basedir, 'example-org', '123456789012', 'SiteDeployer', Duration.ofDays(-1))
ItCredentialSources.get(context, SsoPortalEmulator).endSessions()
true
