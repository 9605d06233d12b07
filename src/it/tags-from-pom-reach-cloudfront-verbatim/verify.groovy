import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 1
    // Tags before paths, each with its '#', no '/' added, nothing encoded; '#release-42' is the same tag as
    // '#Release-42' (tags ignore case), so the first spelling is the one sent.
    assert stored[0].paths() == ['#Release-42', '#product:tv', '/index.html']
    def body = emulator.requests('CreateInvalidation')[0].body()
    assert body.contains('<Quantity>3</Quantity><Items><Path>#Release-42</Path><Path>#product:tv</Path><Path>/index.html</Path></Items>')
    assert log.contains("Created invalidation ${stored[0].id()} on distribution EDFDVBD6EXAMPLE for 3 paths")
} finally {
    ItEmulator.stop(context)
}
