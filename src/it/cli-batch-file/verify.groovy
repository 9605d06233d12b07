import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert stored[0].paths() == ['/index.html', '/error.html']
    assert stored[0].callerReference() == 'my-invalidation-2015-09-01'
} finally {
    ItEmulator.stop(context)
}
