import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // www and docs share one batch on their distribution; blog's goes to its own.
    def main = emulator.invalidations('EDFDVBD6EXAMPLE')
    assert main.size() == 1
    // The first deploy of docs invalidates all of /docs/, which covers its /docs/feed.xml.
    assert main[0].paths().sort(false) == ['/app.js', '/docs', '/docs/*', '/index.html']
    def blog = emulator.invalidations('E2SECONDEXAMPLE')
    assert blog.size() == 1 && blog[0].paths() == ['/blog/*']
    // The two batches went out together: blog's did not wait until the merged one, which the build waits for, completed.
    // Each creation was held until both were in flight. Two requests, each its call's first attempt: sent one after the
    // other, the first is held alone past the client's 30 s socket timeout and retried, and a retry would overlap the
    // other's creation while the attempt it replaced is still held.
    def creations = emulator.requests('CreateInvalidation')
    assert creations.size() == 2 && creations.every { it.attempt() == 1 } : "CreateInvalidation calls: ${creations}"
    assert emulator.mostInFlight('CreateInvalidation') == 2
    // www asked to wait, so the merged batch was waited for.
    assert emulator.firstReportedCompleted(main[0].id()).isPresent()
    assert log =~ /\[INFO\] \[EDFDVBD6EXAMPLE\] One invalidation at the end of the build for 2 modules: it.cloudfront.reactor:(www|docs):1.0, it.cloudfront.reactor:(www|docs):1.0/
    assert (log =~ /\[INFO\] Invalidation held until the end of the build \(invalidateAtEnd\): waiting for \d more modules?\./).size() == 2
    // The docs module's manifest is recorded, after CloudFront accepted the batch.
    assert new File(basedir, 'deploy-state/docs-manifest.txt').text.contains('guide/index.html')
} finally {
    ItEmulator.stop(context)
}
