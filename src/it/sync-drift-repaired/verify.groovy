import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Between the builds someone edited css/site.css and deleted about.html in the bucket; the second build restores both
    // and invalidates them, though the site did not change.
    assert new String(s3.object('www', 'css/site.css').get(), 'UTF-8') == 'body { color: black; }\n'
    assert s3.keys('www').contains('about.html')
    def stored = emulator.invalidations()
    assert stored.size() == 2
    assert stored[1].paths() as Set == ['/about.html', '/css/site.css'] as Set
        assert log.contains('Uploaded 2 files (') && log.contains(': 0 added, 0 modified, 0 deleted, 5 unchanged')
} finally {
    ItEmulator.stop(context)
}
