import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // The rules' headers are on the objects; the second build changed only the assets' rule.
    def css = s3.stored('www', 'css/site.css').get()
    assert css.header('cache-control') == 'max-age=31536000'
    assert css.header('x-amz-meta-team') == 'web'
    assert css.header('content-type') == 'text/css; charset=utf-8'
    assert s3.stored('www', 'index.html').get().header('cache-control') == 'no-cache'
    // Only the two files the changed rule matches are rewritten, by copy (no bytes sent again), and invalidated.
    def second = s3.calls().findAll { it.operation() in ['PutObject', 'CopyObject'] && !it.key().startsWith('www/') }.drop(5)
    assert second.collect { it.operation() + ' ' + it.key() } == ['CopyObject css/site.css', 'CopyObject js/app.js'] ||
            second.collect { it.operation() + ' ' + it.key() } == ['CopyObject js/app.js', 'CopyObject css/site.css']
    def stored = emulator.invalidations()
    assert stored.size() == 2
    assert stored[1].paths() as Set == ['/css/site.css', '/js/app.js'] as Set
    assert log.contains('Uploaded 0 files (0 B), updated the headers of 2, deleted 0, 3 unchanged; invalidated 2 paths')
} finally {
    ItEmulator.stop(context)
}
