import io.github.cloudfrontmavenplugin.emulator.Fault
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import java.util.concurrent.CountDownLatch
import java.util.function.Predicate

ItEmulator.start(context)
def s3 = ItEmulator.startS3(context).createBucket('www')
// Whichever build takes the lock first is held at its first upload until the other is seen reading the lock (it
// found it held): the two deploys overlap by construction, not by timing.
def secondIsWaiting = new CountDownLatch(1)
s3.hold('PutObject', { key -> !key.startsWith('www/') } as Predicate, Fault.holdUntil(secondIsWaiting))
def watcher = new Thread({
    long deadline = System.nanoTime() + 60_000_000_000L
    while (!s3.calls().any { it.operation() == 'GetObject' && it.key() == 'www/manifest.txt.lock' }
            && System.nanoTime() < deadline) {
        Thread.sleep(20)
    }
    secondIsWaiting.countDown()
})
watcher.daemon = true
watcher.start()
true
