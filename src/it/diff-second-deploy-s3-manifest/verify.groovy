import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 2
    assert stored[0].paths() == ['/*']
    // Two files changed (one an index document: its directory keys too), one deleted.
    assert stored[1].paths() == ['/about.html', '/css/site.css', '/docs/index.html', '/docs/', '/docs']
    assert log.contains(': 0 added, 2 modified, 1 deleted, 2 unchanged')
    def manifest = new String(ItEmulator.s3(context).object('deploys', 'www/manifest.txt').get(), 'UTF-8')
    assert manifest.contains('\tcss/site.css\n') && !manifest.contains('about.html')
} finally {
    ItEmulator.stop(context)
}
