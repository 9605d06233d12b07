import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations('EDFDVBD6EXAMPLE')
    assert stored.size() == 1 && stored[0].paths() == ['/index.html']
    // site's invalidation was held, then sent when the skipped module, the last, arrived.
    assert log.contains('[INFO] Invalidation held until the end of the build (invalidateAtEnd): waiting for 1 more module.')
    assert log.indexOf('[INFO] Skipping the CloudFront invalidation (cloudfront.skip)') < log.indexOf("[INFO] Created invalidation ${stored[0].id()}")
    def summary = new File(basedir, 'step-summary.md').text
    assert summary.startsWith('### cloudfront:invalidate: deployed\n')
    assert summary.contains("| `${stored[0].id()}` | distribution EDFDVBD6EXAMPLE | 1 | ")
    assert summary.contains('- `/index.html`')
} finally {
    ItEmulator.stop(context)
}
