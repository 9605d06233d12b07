import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def id = emulator.invalidations()[0].id()
    assert log.contains("[WARNING] Invalidation ${id} on distribution EDFDVBD6EXAMPLE is still InProgress after 3 s")
    assert log.contains('BUILD SUCCESS')
} finally {
    ItEmulator.stop(context)
}
