import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.start(context)
// The SDK's own setting for STS's endpoint, which the profile's role provider reads: the emulator answers STS too.
context.userProperties['aws.endpointUrlSts'] = emulator.endpoint()
true
