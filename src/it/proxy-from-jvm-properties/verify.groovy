import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def proxy = context.get('proxy')
try {
    assert emulator.invalidations().size() == 1
    def relayed = proxy.relayed()
    assert relayed.any { it.method() == 'POST' && it.status() == 201 && it.uri() == "${emulator.endpoint()}/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation".toString() } : relayed.toString()
} finally {
    proxy?.close()
    ItEmulator.stop(context)
}
