import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.start(context)
context.userProperties['cloudfront.stsEndpoint'] = emulator.endpoint()
ItCredentialSources.taskRole(context)
true
