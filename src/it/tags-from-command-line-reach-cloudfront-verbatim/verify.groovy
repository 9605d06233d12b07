import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 1
    // Each tag with its '#' added; '%20' stays three characters and '/' a slash: tags are not paths.
    assert stored[0].paths() == ['#campaign:black_friday', '#Product/TV%20']
    def body = emulator.requests('CreateInvalidation')[0].body()
    assert body.contains('<Path>#campaign:black_friday</Path><Path>#Product/TV%20</Path>')
    assert log.contains("Created invalidation ${stored[0].id()} on distribution EDFDVBD6EXAMPLE for 2 paths")
} finally {
    ItEmulator.stop(context)
}
