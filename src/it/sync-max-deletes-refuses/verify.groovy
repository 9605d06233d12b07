import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Three deletes against maxDeletes 2: refused before any change.
    assert log.contains('The sync would delete 3 objects under s3://www/, more than <maxDeletes> (cloudfront.maxDeletes) 2 allows; nothing was changed.')
    assert s3.keys('www') == ['old/a.html', 'old/b.html', 'old/c.html']
    assert s3.calls().every { it.operation() in ['GetObject', 'ListObjectsV2'] }
    assert emulator.invalidations().isEmpty()
} finally {
    ItEmulator.stop(context)
}
