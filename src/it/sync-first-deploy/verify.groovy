import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Every file of the site is in the bucket, with its type and the hash it was compared by.
    assert s3.keys('www') == ['about.html', 'css/site.css', 'docs/index.html', 'index.html', 'js/app.js']
    def page = s3.stored('www', 'index.html').get()
    assert page.header('content-type') == 'text/html; charset=utf-8'
    assert page.header('x-amz-meta-sha256') ==~ /[0-9a-f]{64}/
    assert s3.stored('www', 'js/app.js').get().header('content-type') == 'text/javascript; charset=utf-8'
    // Assets before pages: no page is written before the last asset.
    // (The deploy's own records, under www/ in the bucket deploys, are not the site's.)
    def puts = s3.calls().findAll { it.operation() == 'PutObject' && !it.key().startsWith('www/') }
    // The deploy lock was taken before anything else, and removed at the end.
    assert s3.calls()[0].operation() == 'PutObject' && s3.calls()[0].key() == 'www/manifest.txt.lock'
    assert !s3.object('deploys', 'www/manifest.txt.lock').isPresent()
    assert puts.size() == 5 && puts.every { it.status() == 200 }
    def lastAsset = puts.findLastIndexOf { !it.key().endsWith('.html') }
    def firstPage = puts.findIndexOf { it.key().endsWith('.html') }
    assert lastAsset < firstPage
    // One invalidation covering everything (no manifest yet), and the manifest recorded after it.
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert stored[0].paths().contains('/*')
    assert new String(s3.object('deploys', 'www/manifest.txt').get(), 'UTF-8').contains('\tjs/app.js\n')
    assert log.contains('Uploaded 5 files (')
    assert log =~ /Uploaded 5 files \([0-9.]+ B\), deleted 0, 0 unchanged; invalidated \d+ paths?/
} finally {
    ItEmulator.stop(context)
}
