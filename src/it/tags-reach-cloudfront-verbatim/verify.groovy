import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 2
    // From the POM: tags before paths, each with its '#', no '/' added, nothing encoded; '#release-42' is the same
    // tag as '#Release-42' (tags ignore case), so the first spelling is the one sent.
    assert stored[0].paths() == ['#Release-42', '#product:tv', '/index.html']
    // From -Dcloudfront.tags: '%20' stays three characters, '/' stays a slash.
    assert stored[1].paths() == ['#campaign:black_friday', '#Product/TV%20']
    def bodies = emulator.requests('CreateInvalidation').collect { it.body() }
    assert bodies[0].contains('<Path>#Release-42</Path><Path>#product:tv</Path><Path>/index.html</Path>')
    assert bodies[1].contains('<Path>#Product/TV%20</Path>')
    assert log.contains("Created invalidation ${stored[0].id()} on distribution EDFDVBD6EXAMPLE for 3 paths")
} finally {
    ItEmulator.stop(context)
}
