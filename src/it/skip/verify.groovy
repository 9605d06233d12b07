import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.requests().isEmpty()
    def lines = log.readLines()
    def start = lines.findIndexOf { it =~ /--- cloudfront:[^:]+:invalidate / }
    assert lines[start + 1] == '[INFO] Skipping the CloudFront invalidation (cloudfront.skip)'
    assert !lines[start + 2].startsWith('[INFO] Skipping') && !lines[start + 2].contains('cloudfront')
} finally {
    ItEmulator.stop(context)
}
