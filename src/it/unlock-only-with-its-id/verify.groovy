import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // First run: another ID is refused, naming the one the lock has.
    assert log.contains('The deploy lock s3://deploys/www/manifest.txt.lock has the lock ID stale-77d0, not not-the-one,'
            + ' so it was not removed')
    // Second run: the right ID removes it.
    assert log.contains('[INFO] Removed the deploy lock s3://deploys/www/manifest.txt.lock (lock ID stale-77d0, held by'
            + ' com.example:www:2.3.0 on laptop by carol since 2026-12-06T10:00:00Z)')
    assert !s3.object('deploys', 'www/manifest.txt.lock').isPresent()
    // The wrong ID's run deleted nothing: exactly one DeleteObject, conditional on the lock's ETag.
    def deletes = s3.requests().findAll { it.method() == 'DELETE' }
    assert deletes.size() == 1 && deletes[0].ifMatch().isPresent()
} finally {
    ItEmulator.stop(context)
}
