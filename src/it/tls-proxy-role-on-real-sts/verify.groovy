import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def role = ItEmulator.invalidatedAsTheRole(context, log)
    assert role.action() == 'AssumeRole'
    assert role.callerKey().get() == 'AKIAIOSFODNN7EXAMPLE'
    def sts = proxy.forwarded().findAll { it.tls() && it.host() ==~ /sts(\.us-east-1)?\.amazonaws\.com/ && it.method() == 'POST' }
    assert sts.size() == 1 && sts[0].status() == 200 : proxy.forwarded().toString()
    assert proxy.forwardedOverTls('cloudfront.amazonaws.com').any { it.method() == 'POST' && it.status() == 201 }
} finally {
    ItEmulator.stop(context)
}
