import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
context.put('imdsEndpoint', ItCredentialSources.instanceMetadataUnreachable(context))
true
