import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().size() == 1
    def created = proxy.forwardedOverTls('cloudfront.amazonaws.com').findAll { it.method() == 'POST' && it.status() == 201 }
    assert created.size() == 1 : proxy.forwarded().toString()
    assert log.contains("from the JVM's https.proxyHost")
    assert log.contains('https.proxyHost is set for this https endpoint')
} finally {
    ItEmulator.stop(context)
}
