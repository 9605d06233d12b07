import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Each module invalidates at its own deploy, in reactor order: www, then docs.
    def main = emulator.invalidations('EDFDVBD6EXAMPLE')
    assert main*.paths() == [['/index.html', '/app.js'], ['/docs/*', '/docs']]
    assert emulator.invalidations('E2SECONDEXAMPLE')*.paths() == [['/blog/*']]
    assert !log.contains('held until the end of the build')
    assert !log.contains('One invalidation at the end of the build')
} finally {
    ItEmulator.stop(context)
}
