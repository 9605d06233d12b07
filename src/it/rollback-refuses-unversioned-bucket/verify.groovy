import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert log.contains('The bucket www does not keep versions (GetBucketVersioning does not say Enabled), so the'
            + ' objects of an earlier deploy cannot be copied back; nothing was changed.')
    assert log.contains('aws s3api put-bucket-versioning --bucket www --versioning-configuration Status=Enabled')
    assert log.contains('aws s3api put-bucket-lifecycle-configuration --bucket www --lifecycle-configuration')
    assert log.contains('"NoncurrentVersionExpiration":{"NoncurrentDays":30}')
    // Refused before any change.
    assert s3.keys('www') == ['css/site.css', 'docs/index.html', 'index.html', 'js/new.js']
    assert s3.calls().count { it.operation() in ['CopyObject', 'DeleteObjects'] } == 1 // the second deploy's delete
    assert emulator.invalidations().size() == 2
    assert !s3.stored('deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    ItEmulator.stop(context)
}
