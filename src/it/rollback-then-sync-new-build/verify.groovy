import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // The sync after the rollback compares with the state the rollback restored: it puts back exactly what differs.
    assert s3.keys('www') == ['css/site.css', 'docs/index.html', 'index.html', 'js/new.js']
    assert new String(s3.stored('www', 'index.html').get().content(), 'UTF-8') == 'home v2\n'
    assert s3.stored('www', 'css/site.css').get().header('cache-control') == 'max-age=120'
    def stored = emulator.invalidations()
    assert stored.size() == 4
    assert stored[3].paths().sort(false) == ['/', '/css/site.css', '/index.html', '/js/new.js', '/js/old.js']
    assert log.contains('Uploaded 2 files (17 B), updated the headers of 1, deleted 1, 1 unchanged; invalidated 5 paths')
} finally {
    ItEmulator.stop(context)
}
