import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def puts = s3.calls().findAll { it.operation() == 'PutObject' && !it.key().startsWith('www/') }
    assert puts.size() == 6
    assert puts[5].key() == 'css/site.css'
    assert new String(s3.object('www', 'css/site.css').get(), 'UTF-8') == 'body { color: navy; }\n'
    def stored = emulator.invalidations()
    assert stored.size() == 2
    assert stored[1].paths() == ['/css/site.css']
    assert log.contains('Uploaded 1 file (22 B), deleted 0, 4 unchanged; invalidated 1 path')
} finally {
    ItEmulator.stop(context)
}
