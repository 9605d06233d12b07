import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
def s3 = ItEmulator.s3(context)
// Once build 1 recorded its deploy, the next PutObject of css/site.css is denied (once: not retried).
def remaining = new java.util.concurrent.atomic.AtomicInteger(0)
s3.failKeys('PutObject', { key -> key == 'css/site.css' && remaining.getAndDecrement() > 0 } as java.util.function.Predicate, 403, 'AccessDenied')
s3.afterPutOf('www/manifest.txt', { remaining.set(1) } as Runnable)
true
