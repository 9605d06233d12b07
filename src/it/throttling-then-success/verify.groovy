import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def creates = emulator.requests('CreateInvalidation')
    assert creates*.status() == [400, 400, 503, 201]
    assert creates*.attempt() == [1, 2, 3, 4]
    assert emulator.invalidations().size() == 1
    assert log.contains('BUILD SUCCESS')
} finally {
    ItEmulator.stop(context)
}
