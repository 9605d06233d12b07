import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Build 2: css/site.css was refused, js/app.js went up; no page, no delete, no invalidation, no manifest.
    assert log.contains('css/site.css: HTTP 403 AccessDenied')
    def stored = emulator.invalidations()
    assert stored.size() == 2
    // Build 3 uploaded what build 2 could not, and invalidated what build 2 uploaded too (js/app.js), plus the delete.
    def putsOfApp = s3.calls().findAll { it.operation() == 'PutObject' && it.key() == 'js/app.js' }
    assert putsOfApp.size() == 2
    assert stored[1].paths().containsAll(['/js/app.js', '/css/site.css', '/index.html', '/', '/about.html'])
    assert !s3.keys('www').contains('about.html')
    // Only build 3 deleted: build 2, whose upload failed, deleted nothing.
    assert s3.calls().count { it.operation() == 'DeleteObjects' } == 1
} finally {
    ItEmulator.stop(context)
}
