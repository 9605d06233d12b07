import io.github.cloudfrontmavenplugin.emulator.Fault
import io.github.cloudfrontmavenplugin.emulator.ItBuild
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicInteger
import java.util.function.Predicate

def emulator = ItEmulator.start(context)
def s3 = ItEmulator.startS3(context).createBucket('www')

// Before: v1 is live, recorded in the manifest and invalidated.
ItBuild.start(context, basedir, localRepositoryPath, 'v1-build.log', [:], '-Dsite.version=v1', 'deploy').succeeds()
context.put('manifestOfV1', s3.object('deploys', 'www/manifest.txt').get())

// The deploy of v2 that dies. Its uploads of the site, two at a time, are let through for three (the two assets, then
// a page); the next ones are held until it is dead, then dropped unanswered: in flight when it died, they take no
// effect (the next deploy's uploads, after its death, are not held). Its lease is short (10 s, renewed every 3.3 s), so
// the next deploy waits only seconds for it to run out.
def uploads = new AtomicInteger()
def dead = new CountDownLatch(1)
s3.hold('PutObject', { key -> dead.count > 0 && !key.startsWith('www/') && uploads.incrementAndGet() > 3 } as Predicate,
        Fault.holdThenDrop(dead))
def doomed = ItBuild.start(context, basedir, localRepositoryPath, 'killed-build.log',
        [HOSTNAME: 'doomed-runner', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'example/www',
         GITHUB_RUN_ID: '666'],
        '-Dcloudfront.lockLease=10', '-Dcloudfront.concurrency=2', 'deploy')
context.put('doomed', doomed)
s3.awaitHeld('PutObject', 2)

// What it did before it died: the lock it holds, the objects it changed; the manifest is still v1's.
def lock = new String(s3.object('deploys', 'www/manifest.txt.lock').get(), 'UTF-8')
context.put('doomedLock', lock.readLines().findAll { it.contains('=') }.collectEntries { it.split('=', 2) as List })
def v1 = new File(basedir, 'v1')
context.put('changedByTheDoomed', s3.keys('www').findAll {
    !new File(v1, it).isFile() || new File(v1, it).bytes != s3.object('www', it).get()
})
context.put('invalidationsBeforeTheNext', emulator.invalidations().size())

// Killed with SIGKILL once the next deploy (the invoker's build, which starts when this script returns) has found the
// lock held, not before: the next deploy waits for the dead one's lease to run out, it does not find it run out (that
// would take the doomed JVM's renewals to stall for over 6.6 s while it idles, which a loaded CI machine can
// still do with a 4 s lease's 2.6 s).
def failure = new StringBuffer()
context.put('killFailure', failure)
def killer = new Thread({
    try {
        long deadline = System.nanoTime() + 120_000_000_000L
        while (!s3.calls().any { it.operation() == 'GetObject' && it.key() == 'www/manifest.txt.lock' }) {
            if (System.nanoTime() > deadline) {
                failure.append('the next deploy never read the lock; ')
                break
            }
            Thread.sleep(20)
        }
        context.put('doomedAliveAtKill', doomed.isAlive())
        context.put('doomedExit', doomed.kill())
        context.put('manifestAtKill', s3.object('deploys', 'www/manifest.txt').get())
    } catch (Throwable e) {
        failure.append(e.toString())
    } finally {
        dead.countDown()
    }
})
killer.daemon = true
killer.start()
context.put('killer', killer)
true
