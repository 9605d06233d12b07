import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 2
    assert stored*.paths().unique() == [['/index.html']]
    assert stored*.callerReference().unique().size() == 2
} finally {
    ItEmulator.stop(context)
}
