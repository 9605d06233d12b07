import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
def proxy = ItEmulator.tlsProxy(context)
try {
    // The bucket holds v1 again, byte for byte, without new.html, which v2 added.
    def v1 = new File(basedir, 'v1')
    assert s3.keys('tls-www') == ['css/site.css', 'index.html']
    ['css/site.css', 'index.html'].each { key ->
        assert s3.object('tls-www', key).get() == new File(v1, key).bytes
    }
    // Restored by copies of the kept versions, after asking whether the bucket keeps versions; all through the proxy,
    // over HTTPS to the bucket's own host name.
    def operations = s3.calls().collect { it.operation() }
    assert operations.count('CopyObject') == 2 : operations.toString()
    assert operations.contains('GetBucketVersioning') : operations.toString()
    assert s3.requests().every { it.host().endsWith('.amazonaws.com') } : s3.requests().toString()
    assert proxy.tunnels().any { it.target().startsWith('tls-www.s3.') && it.target().endsWith('.amazonaws.com:443') && it.status() == 200 }
    // Three deploys, three invalidations; the rollback's covers what it changed back.
    def stored = emulator.invalidations()
    assert stored.size() == 3
    assert stored[2].paths().sort(false) == ['/', '/css/site.css', '/index.html', '/new.html'] : stored[2].paths()
    assert !s3.object('tls-deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    ItEmulator.stop(context)
}
