import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def proxy = context.get('proxy')
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().size() == 1
    // The invalidation went through the proxy, with the proxy's credentials from settings.xml.
    def relayed = proxy.forwarded()
    // The first attempt, without credentials, is answered 407; the client then sends them, as a browser would.
    def create = relayed.findAll { it.method() == 'POST' && it.status() == 201 && !it.tls() && it.host() == '127.0.0.1' && it.path() == '/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation' }
    assert create.size() == 1 : relayed.toString()
    assert create[0].status() == 201
    assert create[0].proxyAuthorization().get() == 'Basic ' + 'build:proxy-secret'.bytes.encodeBase64().toString()
    assert !log.contains('proxy-secret')
} finally {
    proxy?.close()
    ItEmulator.stop(context)
}
