import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def role = ItEmulator.invalidatedAsTheRole(context, log)
    assert role.action() == 'AssumeRoleWithWebIdentity'
    assert role.sessionName() == 'gha-run-42'
    def sts = proxy.forwardedOverTls('sts.us-east-1.amazonaws.com').findAll { it.method() == 'POST' }
    assert sts.size() == 1 && sts[0].status() == 200 : proxy.forwarded().toString()
    assert !log.contains('it-oidc-token-signature')
} finally {
    ItEmulator.stop(context)
}
