import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItCredentialSources.container(context, basedir, 'pod-identity-token')
true
