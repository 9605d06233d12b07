import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // One role assumed with the source profile's key; CloudFront called with what STS issued; no secret logged.
    ItEmulator.invalidatedAsTheDeployerProfile(context, log)
} finally {
    ItEmulator.stop(context)
}
