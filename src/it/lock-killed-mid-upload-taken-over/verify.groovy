import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    context.get('killer').join(60_000)
    assert context.get('killFailure').length() == 0 : context.get('killFailure')
    // The doomed deploy was alive, uploading, until SIGKILL ended its JVM: it never finished, nor removed its lock.
    assert context.get('doomedAliveAtKill')
    assert context.get('doomedExit') == 137
    def doomedLog = new File(basedir, 'killed-build.log').text
    assert doomedLog.contains('Took the deploy lock s3://deploys/www/manifest.txt.lock') : doomedLog
    assert !doomedLog.contains('BUILD SUCCESS') && !doomedLog.contains('BUILD FAILURE') : doomedLog
    // It had uploaded the two assets and one page of v2, not the rest; it invalidated nothing, recorded nothing.
    def changedByTheDoomed = context.get('changedByTheDoomed')
    assert changedByTheDoomed.size() == 3 && changedByTheDoomed.containsAll(['css/site.css', 'js/app.js'])
    assert context.get('invalidationsBeforeTheNext') == 1
    assert context.get('manifestAtKill') == context.get('manifestOfV1') : 'the manifest still said v1'
    // Its two uploads in flight when it died (and the client's retries of them, on a slow machine) took no effect.
    def calls = s3.calls()
    def dropped = calls.findAll { it.status() == 0 }
    assert dropped*.key().unique().size() == 2 && dropped.every {
        it.operation() == 'PutObject' && it.key().endsWith('.html') && !(it.key() in changedByTheDoomed)
    } : calls.toString()

    def log = ItEmulator.buildLog(basedir)
    def lock = context.get('doomedLock')
    def doomed = "it.cloudfront:lock-killed-mid-upload-taken-over:1.0 on doomed-runner by ${lock.user}" +
            ' (https://github.com/example/www/actions/runs/666)'
    assert lock.host == 'doomed-runner'
    // The next deploy found the lock held by the doomed one and waited ...
    assert log.contains("[INFO] Waiting for the deploy lock s3://deploys/www/manifest.txt.lock held by ${doomed}" +
            " since ${lock.taken} (lock ID ${lock.id}, lease until ") : log
    // ... until its lease ran out, then took it over, saying from whom.
    assert log.contains("[WARNING] Took over the deploy lock s3://deploys/www/manifest.txt.lock from ${doomed}" +
            " (lock ID ${lock.id}, held since ${lock.taken}): its lease ran out at ") : log

    // The bucket holds exactly v2, byte for byte: what the doomed deploy uploaded, what it had not, and old.html gone.
    def v1 = new File(basedir, 'v1')
    def v2 = new File(basedir, 'v2')
    def site = []
    v2.eachFileRecurse(groovy.io.FileType.FILES) { site << v2.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
    assert s3.keys('www') == site.sort()
    site.each { assert s3.object('www', it).get() == new File(v2, it).bytes : it }

    // Once it found the lock held, the next deploy uploaded what the doomed one had not: the doomed one's uploads it
    // checked and kept.
    def foundHeld = calls.findIndexOf { it.operation() == 'GetObject' && it.key() == 'www/manifest.txt.lock' }
    def uploadedByTheNext = calls.drop(foundHeld).findAll {
        it.operation() == 'PutObject' && !it.key().startsWith('www/') && it.status() == 200
    }*.key()
    def toUpload = site.findAll { !new File(v1, it).isFile() || new File(v1, it).bytes != new File(v2, it).bytes }
    assert uploadedByTheNext.sort() == (toUpload - changedByTheDoomed).sort()

    // One invalidation for the two deploys of v2, the next one's: it covers every page the doomed deploy changed (the
    // manifest it never advanced still said v1) and every other page that v2 changed.
    assert emulator.invalidations().size() == 2
    assert emulator.requests('CreateInvalidation').size() == 2
    def paths = emulator.invalidations()[1].paths()
    def changedSinceV1 = []
    v1.eachFileRecurse(groovy.io.FileType.FILES) {
        def key = v1.toPath().relativize(it.toPath()).toString().replace('\\', '/')
        if (!new File(v2, key).isFile() || new File(v2, key).bytes != it.bytes) {
            changedSinceV1 << key
        }
    }
    def changed = (changedSinceV1 + changedByTheDoomed).unique()
    assert ItEmulator.uncovered(changed.collect { '/' + it }, paths).isEmpty() : paths

    // The manifest records v2, and the lock is gone.
    def manifest = new String(s3.object('deploys', 'www/manifest.txt').get(), 'UTF-8')
    site.each { assert manifest.contains('\t' + it + '\n') : manifest }
    assert !s3.object('deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    def doomed = context.get('doomed')
    if (doomed != null && doomed.isAlive()) {
        doomed.kill()
    }
    ItEmulator.stop(context)
}
