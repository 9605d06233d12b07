import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
def s3 = ItEmulator.startS3(context).createBucket('www')
// A build died mid-deploy: its lock's lease ran out long ago, and it left half a site (one stale page) behind.
s3.putObject('deploys', 'www/manifest.txt.lock', ('cloudfront-maven-plugin lock 1\n'
        + 'id=dead-build-5e2a\nhost=ci-runner-3\nuser=bob\nproject=com.example:www:2.2.0\n'
        + 'taken=2026-01-01T10:00:00Z\nexpires=2026-01-01T10:01:00Z\n').getBytes('UTF-8'))
s3.putObject('www', 'old.html', 'left by the dead build'.getBytes('UTF-8'))
// Records who holds the lock while this build publishes.
def holder = new StringBuilder()
s3.afterPutOf('index.html') { holder.append(new String(s3.object('deploys', 'www/manifest.txt.lock').get(), 'UTF-8')) }
context.put('holder', holder)
true
