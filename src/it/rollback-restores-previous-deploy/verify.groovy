import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def text = { key -> new String(s3.stored('www', key).get().content(), 'UTF-8') }
    // The bucket holds the first deploy again: its files, bytes and headers.
    assert s3.keys('www') == ['css/site.css', 'docs/index.html', 'index.html', 'js/old.js']
    assert text('index.html') == 'home v1\n'
    assert text('js/old.js') == 'old();\n'
    def css = s3.stored('www', 'css/site.css').get()
    assert css.header('cache-control') == 'max-age=60'
    assert css.header('content-type') == 'text/css; charset=utf-8'
    assert css.header('x-amz-meta-team') == 'web'
    assert css.header('x-amz-meta-cache-tag') == 'assets'
    def old = s3.stored('www', 'js/old.js').get()
    assert old.header('cache-control') == 'max-age=60'
    assert old.header('x-amz-meta-cache-tag') == 'assets'
    assert s3.stored('www', 'index.html').get().header('content-type') == 'text/html; charset=utf-8'
    // By server-side copies (the css once before, for the second deploy's headers), nothing uploaded.
    def copies = s3.calls().findAll { it.operation() == 'CopyObject' }.collect { it.key() }
    assert copies.size() == 4
    assert copies[0] == 'css/site.css'
    assert copies[1..2].sort(false) == ['css/site.css', 'js/old.js'] // the assets, at once
    assert copies[3] == 'index.html' // then the page
    def sitePuts = s3.calls().findAll { it.operation() == 'PutObject' && !it.key().startsWith('www/') }
    assert sitePuts.size() == 4 + 2
    // One invalidation of exactly what the rollback changed.
    def stored = emulator.invalidations()
    assert stored.size() == 3
    assert stored[2].paths().sort(false) == ['/', '/css/site.css', '/index.html', '/js/new.js', '/js/old.js']
    assert log.contains('Restored 3 from their kept versions, deleted 1, 1 unchanged; invalidated 5 paths')
    assert !s3.stored('deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    ItEmulator.stop(context)
}
