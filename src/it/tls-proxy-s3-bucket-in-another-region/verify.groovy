import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
def proxy = ItEmulator.tlsProxy(context)
try {
    def requests = s3.requests()
    // The first request went to us-east-1 and was redirected; the rest went to the bucket's region.
    assert requests[0].status() == 301 && !requests[0].host().contains('eu-west-1') : requests.toString()
    def regional = requests.findAll { it.host().startsWith('eu-deploys.s3.eu-west-1.amazonaws.com') }
    assert regional.any { it.method() == 'PUT' && it.key() == 'www/manifest.txt' && it.status() == 200 } : requests.toString()
    assert s3.object('eu-deploys', 'www/manifest.txt').isPresent()
    // The deploy lock beside the manifest: taken before the manifest was read and removed at the end, both in the
    // bucket's region, through the proxy.
    def lock = regional.findAll { it.key() == 'www/manifest.txt.lock' }
    assert lock.any { it.method() == 'PUT' && it.status() == 200 } : requests.toString()
    assert lock.any { it.method() == 'DELETE' && it.status() == 204 } : requests.toString()
    def firstManifestRead = requests.findIndexOf { it.method() == 'GET' && it.key() == 'www/manifest.txt' }
    assert requests.findIndexOf { it.method() == 'PUT' && it.key() == 'www/manifest.txt.lock' && it.status() == 200 } < firstManifestRead
    assert !s3.object('eu-deploys', 'www/manifest.txt.lock').isPresent()
    assert proxy.tunnels().any { it.target() == 'eu-deploys.s3.eu-west-1.amazonaws.com:443' && it.status() == 200 }
    assert emulator.invalidations().size() == 1
} finally {
    ItEmulator.stop(context)
}
