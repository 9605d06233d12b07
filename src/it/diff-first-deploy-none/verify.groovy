import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.requests().isEmpty()
    assert new File(basedir, 'deploys/manifest.txt').readLines().size() == 6
    assert log.contains('Nothing to invalidate on distribution EDFDVBD6EXAMPLE: nothing changed.')
} finally {
    ItEmulator.stop(context)
}
