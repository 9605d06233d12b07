import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItCredentialSources.instanceMetadata(context)
true
