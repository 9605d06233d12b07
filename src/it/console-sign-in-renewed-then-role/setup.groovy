import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import java.time.Duration

def emulator = ItEmulator.start(context)
context.userProperties['cloudfront.stsEndpoint'] = emulator.endpoint()
// Credentials that expired five minutes ago: the SDK renews them at the sign-in service (aws.endpointUrlSignin).
ItCredentialSources.consoleSignedIn(context, basedir, 'arn:aws:iam::123456789012:user/developer', Duration.ofMinutes(-5))
true
