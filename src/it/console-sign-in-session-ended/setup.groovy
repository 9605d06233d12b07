import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SigninEmulator
import java.time.Duration

ItEmulator.start(context)
ItCredentialSources.consoleSignedIn(context, basedir, 'arn:aws:iam::123456789012:user/developer', Duration.ofMinutes(-5))
ItCredentialSources.get(context, SigninEmulator).signOutEverywhere()
true
