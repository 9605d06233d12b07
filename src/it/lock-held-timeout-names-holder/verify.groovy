import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert log.contains('Another deploy holds the deploy lock s3://deploys/www/manifest.txt.lock of the manifest'
            + ' s3://deploys/www/manifest.txt: com.example:www:2.3.0 on ci-runner-9 by alice'
            + ' (https://github.com/example/www/actions/runs/77), since 2026-12-06T10:00:00Z,'
            + ' lock ID 0f7c2b1e-held-by-someone-else')
    assert log.contains('<lockTimeout> (cloudfront.lockTimeout) is 0, so this deploy did not wait')
    assert log.contains('mvn cloudfront:unlock -Dcloudfront.manifest=s3://deploys/www/manifest.txt'
            + ' -Dcloudfront.lockId=0f7c2b1e-held-by-someone-else')
    // Nothing read, written or invalidated; the other build's lock is left as it was.
    assert s3.keys('www') == []
    assert !s3.calls().any { it.operation() == 'ListObjectsV2' || it.key() == 'www/manifest.txt' }
    assert emulator.invalidations().isEmpty()
    assert new String(s3.object('deploys', 'www/manifest.txt.lock').get(), 'UTF-8').contains('id=0f7c2b1e-held-by-someone-else')
} finally {
    ItEmulator.stop(context)
}
