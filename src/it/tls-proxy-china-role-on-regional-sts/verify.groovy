import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def role = ItEmulator.invalidatedAsTheRole(context, log)
    assert role.action() == 'AssumeRole'
    assert role.roleArn() == 'arn:aws-cn:iam::123456789012:role/site-deployer'
    // To China's regional STS, accepted there (the emulator refuses a signature for any other region), and no call
    // to a global STS host.
    def sts = proxy.forwarded().findAll { it.tls() && it.host().startsWith('sts.') }
    assert sts.collect { it.host() + ' ' + it.method() + ' ' + it.status() } ==
            ['sts.cn-north-1.amazonaws.com.cn POST 200'] : proxy.forwarded().toString()
    assert proxy.forwardedOverTls('cloudfront.cn-northwest-1.amazonaws.com.cn').any { it.method() == 'POST' && it.status() == 201 }
} finally {
    ItEmulator.stop(context)
}
