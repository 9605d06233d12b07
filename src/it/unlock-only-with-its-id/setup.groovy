import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def s3 = ItEmulator.startS3(context)
s3.putObject('deploys', 'www/manifest.txt.lock', ('cloudfront-maven-plugin lock 1\n'
        + 'id=stale-77d0\nhost=laptop\nuser=carol\nproject=com.example:www:2.3.0\n'
        + 'taken=2026-12-06T10:00:00Z\nexpires=2999-01-01T00:00:00Z\n').getBytes('UTF-8'))
true
