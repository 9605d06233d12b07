import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // The failed deploy did not advance the manifest, so the next one invalidates the same changes again.
    def stored = emulator.invalidations()
    assert stored.size() == 2
    assert stored[1].paths() == ['/about.html', '/css/site.css', '/docs/index.html', '/docs/', '/docs']
    assert log.contains("CloudFront has no distribution 'ENOSUCHDIST'")
} finally {
    ItEmulator.stop(context)
}
