import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert log.contains('[WARNING] Took over the deploy lock s3://deploys/www/manifest.txt.lock from'
            + ' com.example:www:2.2.0 on ci-runner-3 by bob (lock ID dead-build-5e2a, held since 2026-01-01T10:00:00Z):'
            + ' its lease ran out at 2026-01-01T10:01:00Z without a renewal')
    // While it published, this build held the lock, naming its project and CI run.
    def holder = context.get('holder').toString()
    assert holder.contains('project=it.cloudfront:lock-stale-taken-over:1.0\n')
    assert holder.contains('ciJob=https://github.com/example/www/actions/runs/1234\n')
    assert !holder.contains('dead-build-5e2a')
    // The bucket holds exactly this build's site; the dead build's leftover is deleted and invalidated.
    assert s3.keys('www') == ['about.html', 'css/site.css', 'docs/index.html', 'index.html', 'js/app.js']
    assert emulator.invalidations().size() == 1
    assert new String(s3.object('deploys', 'www/manifest.txt').get(), 'UTF-8').contains('\tindex.html\n')
    // And the lock is gone once the deploy ended.
    assert !s3.object('deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    ItEmulator.stop(context)
}
