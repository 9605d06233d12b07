import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
def s3 = ItEmulator.startS3(context).createBucket('www')
// Another build's deploy holds the lock, its lease far from running out.
s3.putObject('deploys', 'www/manifest.txt.lock', ('cloudfront-maven-plugin lock 1\n'
        + 'id=0f7c2b1e-held-by-someone-else\nhost=ci-runner-9\nuser=alice\nproject=com.example:www:2.3.0\n'
        + 'ciJob=https://github.com/example/www/actions/runs/77\n'
        + 'taken=2026-12-06T10:00:00Z\nexpires=2999-01-01T00:00:00Z\n').getBytes('UTF-8'))
true
