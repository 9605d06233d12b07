import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def records = ItEmulator.keptDeploys(context)
    assert records.size() == 4
    def first = records[3].id()
    def rollbackTo = new Properties()
    new File(basedir, 'rollback-to.properties').withReader('UTF-8') { rollbackTo.load(it) }
    assert rollbackTo.getProperty('cloudfront.rollbackTo') == first

    // The bucket holds exactly the first build: its keys and bytes, and the headers of the objects it uploaded.
    def v1 = new File(basedir, 'v1')
    def built = [:]
    v1.eachFileRecurse(groovy.io.FileType.FILES) { built[v1.toPath().relativize(it.toPath()).toString().replace('\\', '/')] = it.bytes }
    assert s3.keys('www') == built.keySet().sort(false)
    built.each { key, bytes ->
        def now = s3.stored('www', key).get()
        assert now.content() == bytes
        def uploaded = s3.versions('www', key).last().object().get() // the first deploy's, the oldest version
        assert now.headers() == uploaded.headers()
    }
    def css = s3.stored('www', 'css/site.css').get()
    assert css.header('content-type') == 'text/css; charset=utf-8'
    assert css.header('cache-control') == 'max-age=60'
    assert s3.stored('www', 'js/app.js').get().header('cache-control') == 'max-age=60'
    assert s3.stored('www', 'about.html').get().header('content-type') == 'text/html; charset=utf-8'

    // Restored by server-side copies of the kept versions: the only uploads of the site are the three deploys'.
    def copies = s3.calls().findAll { it.operation() == 'CopyObject' }.collect { it.key() }
    assert copies.sort(false) == ['about.html', 'css/site.css', 'index.html', 'js/app.js']
    assert copies.indexOf('index.html') > copies.indexOf('css/site.css') // assets first, then pages
    assert copies.indexOf('index.html') > copies.indexOf('js/app.js')
    def sitePuts = s3.calls().findAll { it.operation() == 'PutObject' && !it.key().startsWith('www/') }
    assert sitePuts.size() == 5 + 3 + 2

    // One invalidation of exactly the URLs that differ between the third build and the first; docs/guide.html, the
    // same in all three, is not among them.
    def stored = emulator.invalidations()
    assert stored.size() == 4
    assert stored[3].paths().sort(false) == ['/', '/about.html', '/css/site.css', '/index.html', '/js/app.js', '/news.html']
    assert log.contains('Restored 4 from their kept versions, deleted 1, 1 unchanged; invalidated 6 paths')

    // The rollback is a deploy of its own, that names the one it restored.
    assert records[0].rolledBackTo() == Optional.of(first)
    assert records[0].objects().keySet() == records[3].objects().keySet()
    assert !s3.stored('deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    ItEmulator.stop(context)
}
