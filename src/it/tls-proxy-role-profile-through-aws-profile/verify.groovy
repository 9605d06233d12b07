import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    ItEmulator.invalidatedAsTheDeployerProfile(context, log)
    // AssumeRole went over TLS to STS's own host through the proxy, with the settings.xml credentials.
    def sts = proxy.forwardedOverTls('sts.us-east-1.amazonaws.com').findAll { it.method() == 'POST' }
    assert sts.size() == 1 && sts[0].status() == 200 : proxy.forwarded().toString()
    def basic = 'Basic ' + 'build:proxy-secret'.bytes.encodeBase64().toString()
    def tunnels = proxy.tunnels().findAll { it.target() == 'sts.us-east-1.amazonaws.com:443' && it.status() == 200 }
    assert !tunnels.isEmpty() && tunnels.every { it.proxyAuthorization().orElse('') == basic } : proxy.tunnels().toString()
    assert !log.contains('proxy-secret')
} finally {
    ItEmulator.stop(context)
}
