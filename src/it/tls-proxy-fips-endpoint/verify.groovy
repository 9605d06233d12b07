import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().size() == 1
    def created = proxy.forwardedOverTls('cloudfront-fips.amazonaws.com').findAll { it.method() == 'POST' && it.status() == 201 }
    assert created.size() == 1 : proxy.forwarded().toString()
    assert proxy.forwardedOverTls('cloudfront.amazonaws.com').isEmpty() : proxy.forwarded().toString()
    assert log.contains('[DEBUG] CloudFront endpoint https://cloudfront-fips.amazonaws.com (signing us-east-1): the'
            + " SDK's endpoint rules for region aws-global with FIPS on (AWS_USE_FIPS_ENDPOINT)")
} finally {
    ItEmulator.stop(context)
}
