import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // S3 answered the first two PutObjects of css/site.css with 503 SlowDown; the client retried, and the sync passed.
    def attempts = s3.calls().findAll { it.operation() == 'PutObject' && it.key() == 'css/site.css' }.collect { it.status() }
    assert attempts == [503, 503, 200]
    assert new String(s3.object('www', 'css/site.css').get(), 'UTF-8') == 'body { color: black; }\n'
    assert log.contains('Uploaded 5 files (')
} finally {
    ItEmulator.stop(context)
}
