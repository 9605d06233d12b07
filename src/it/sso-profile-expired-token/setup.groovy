import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import java.time.Duration

ItEmulator.start(context)
ItCredentialSources.ssoSignedIn(context, basedir, 'example-org', '123456789012', 'SiteDeployer', Duration.ofDays(-1))
true
