import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // A plan in the log, and no change anywhere.
    assert s3.keys('www').isEmpty()
    assert s3.calls().every { it.operation() in ['GetObject', 'ListObjectsV2'] }
    assert emulator.invalidations().isEmpty()
    assert !s3.object('deploys', 'www/manifest.txt').isPresent()
    assert log.contains('Dry run: would publish to s3://www/: 5 files to upload')
    assert log.contains('  upload index.html (new, ')
    assert log.contains('Content-Type: text/html; charset=utf-8')
    assert log.contains('Dry run: nothing is changed in s3://www/')
    assert log.contains('Dry run: would upload 5 files (')
} finally {
    ItEmulator.stop(context)
}
