import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().size() == 1
    // Every tunnel the proxy opened to CloudFront carried the settings.xml credentials.
    def tunnels = proxy.tunnels().findAll { it.target() == 'cloudfront.amazonaws.com:443' && it.status() == 200 }
    assert !tunnels.isEmpty() : proxy.tunnels().toString()
    def basic = 'Basic ' + 'build:proxy-secret'.bytes.encodeBase64().toString()
    assert tunnels.every { it.proxyAuthorization().orElse('') == basic }
    def created = proxy.forwardedOverTls('cloudfront.amazonaws.com').findAll { it.method() == 'POST' && it.status() == 201 }
    assert created.size() == 1 : proxy.forwarded().toString()
    assert log.contains("CloudFront (https://cloudfront.amazonaws.com): proxy http://127.0.0.1:${proxy.port()} from settings.xml <proxy> 'corporate', with credentials")
    assert !log.contains('proxy-secret')
} finally {
    ItEmulator.stop(context)
}
