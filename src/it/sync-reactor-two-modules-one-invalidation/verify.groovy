import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Both modules published to their prefixes; the www module's delete left the docs prefix alone.
    assert s3.keys('www') == ['site/css/site.css', 'site/docs/guide/index.html', 'site/docs/index.html', 'site/index.html']
    // One invalidation for the two modules, covering both sites.
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert stored[0].paths().contains('/*')
    assert log.contains('Uploaded 4 files (')
    assert s3.object('deploys', 'www/manifest.txt').isPresent() && s3.object('deploys', 'docs/manifest.txt').isPresent()
} finally {
    ItEmulator.stop(context)
}
