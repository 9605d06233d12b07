import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Three syncs changed the bucket and sent an invalidation each; the third run changed nothing.
    def stored = emulator.invalidations()
    assert stored.size() == 3
    assert log.contains('Uploaded 0 files (0 B), deleted 0, 2 unchanged; invalidated 0 paths')
    // Each of them recorded itself, the one that changed nothing did not even read the history.
    def historyCalls = s3.calls().findAll { it.key() == 'www/manifest.txt.history' }
    assert historyCalls.count { it.operation() == 'PutObject' } == 3
    assert historyCalls.count { it.operation() == 'GetObject' } == 3 + 1 // three syncs, then cloudfront:history

    // cloudfront:history: newest first, one line each, the one the bucket holds marked.
    def lines = log.readLines()
    def start = lines.findIndexOf { it == '[INFO] The last 3 of 3 deploys kept in s3://deploys/www/manifest.txt.history, newest first:' }
    assert start >= 0
    def shown = lines[(start + 1)..(start + 3)].collect { it.substring('[INFO] '.length()) }
    def ids = shown.collect { it.substring(0, it.indexOf(' ')) }
    assert ids.every { it ==~ /\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{4}/ }
    assert ids == ids.sort(false).reverse()
    shown.each { assert it.contains(' UTC  ') && it.contains('  it.cloudfront:history-lists-deploys:1.0') }
    assert shown[0].contains('  uploaded 1 (5 B), headers 0, deleted 0, unchanged 2  invalidation EDFDVBD6EXAMPLE ' + stored[2].id() + '  <- the bucket holds this')
    assert shown[1].endsWith('  uploaded 1 (8 B), headers 0, deleted 1, unchanged 1  invalidation EDFDVBD6EXAMPLE ' + stored[1].id())
    assert shown[2].endsWith('  uploaded 3 (37 B), headers 0, deleted 0, unchanged 0  invalidation EDFDVBD6EXAMPLE ' + stored[0].id())
    assert !log.contains('no versioning')

    // On a versioned bucket every object's version is recorded; the one no deploy changed keeps its first version.
    def records = ItEmulator.keptDeploys(context)
    assert records*.id() == ids
    assert records.every { record -> record.objects().values().every { it.versionId().isPresent() } }
    def css = records.collect { it.objects().get('css/site.css').versionId().get() }
    assert css.unique().size() == 1
    def index = records.collect { it.objects().get('index.html').versionId().get() }
    assert index[0] == index[1] && index[1] != index[2]
    assert records[0].objects().keySet() == ['css/site.css', 'index.html', 'news.html'] as Set
    assert records[2].objects().keySet() == ['about.html', 'css/site.css', 'index.html'] as Set
} finally {
    ItEmulator.stop(context)
}
