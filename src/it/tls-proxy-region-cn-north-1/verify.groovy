import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def proxy = ItEmulator.tlsProxy(context)
try {
    assert emulator.invalidations().size() == 1
    def created = proxy.forwardedOverTls('cloudfront.cn-northwest-1.amazonaws.com.cn').findAll { it.method() == 'POST' && it.status() == 201 }
    assert created.size() == 1 : proxy.forwarded().toString()
} finally {
    ItEmulator.stop(context)
}
