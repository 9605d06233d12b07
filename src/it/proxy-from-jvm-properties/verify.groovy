import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def proxy = context.get('proxy')
try {
    assert emulator.invalidations().size() == 1
    def relayed = proxy.forwarded()
    assert relayed.any { it.method() == 'POST' && it.status() == 201 && !it.tls() && it.host() == '127.0.0.1' && it.path() == '/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation' } : relayed.toString()
} finally {
    proxy?.close()
    ItEmulator.stop(context)
}
