import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Three deletes against maxDeletes 2: refused before any change.
    assert log.contains('The sync would delete 3 objects under s3://www/, more than <maxDeletes> (cloudfront.maxDeletes) 2 allows; nothing was changed.')
    assert s3.keys('www') == ['old/a.html', 'old/b.html', 'old/c.html']
    // Only reads, besides the deploy lock taken and removed around them.
    assert s3.calls().findAll { !it.key().endsWith('.lock') }.every { it.operation() in ['GetObject', 'ListObjectsV2'] }
    assert !s3.object('deploys', 'www/manifest.txt.lock').isPresent()
    assert emulator.invalidations().isEmpty()
} finally {
    ItEmulator.stop(context)
}
