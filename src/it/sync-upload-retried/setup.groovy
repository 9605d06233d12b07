import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
def s3 = ItEmulator.s3(context)
def remaining = new java.util.concurrent.atomic.AtomicInteger(2)
s3.failKeys('PutObject', { key -> key == 'css/site.css' && remaining.getAndDecrement() > 0 } as java.util.function.Predicate, 503, 'SlowDown')
true
