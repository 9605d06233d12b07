import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // The first answer was lost after CloudFront created the invalidation; the retry got the same one back.
    def creates = emulator.requests('CreateInvalidation')
    assert creates*.status() == [0, 201]
    assert creates*.body().unique().size() == 1
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert log.contains("Created invalidation ${stored[0].id()} on distribution EDFDVBD6EXAMPLE for 2 paths")
} finally {
    ItEmulator.stop(context)
}
