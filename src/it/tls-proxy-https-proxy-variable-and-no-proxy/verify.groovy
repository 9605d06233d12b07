import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def proxy = ItEmulator.tlsProxy(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().size() == 1
    def created = proxy.forwardedOverTls('cloudfront.amazonaws.com').findAll { it.method() == 'POST' && it.status() == 201 }
    assert created.size() == 1 : proxy.forwarded().toString()
    // The manifest was read and written directly: S3 saw both, the proxy neither.
    assert s3.requests().any { it.method() == 'PUT' && it.key() == 'www/manifest.txt' && it.status() == 200 }
    assert proxy.forwarded().every { it.host() != '127.0.0.1' } : proxy.forwarded().toString()
    assert log.contains('HTTPS_PROXY is set')
} finally {
    ItEmulator.stop(context)
}
