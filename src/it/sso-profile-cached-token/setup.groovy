import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import java.time.Duration

ItEmulator.start(context)
// As 'aws sso login' leaves it: a token valid for eight hours; the SDK finds the portal through aws.endpointUrlSso.
ItCredentialSources.ssoSignedIn(context, basedir, 'example-org', '123456789012', 'SiteDeployer', Duration.ofHours(8))
true
