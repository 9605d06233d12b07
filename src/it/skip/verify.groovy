import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.requests().isEmpty()
    // The plugin says one thing, and only that.
    def lines = log.readLines()
    assert lines.any { it =~ /--- cloudfront(-maven-plugin)?:[^:]+:invalidate / }
    def ours = lines.findAll { it.toLowerCase().contains('invalidat') && !(it =~ /--- cloudfront(-maven-plugin)?:/) }
    assert ours == ['[INFO] Skipping the CloudFront invalidation (cloudfront.skip)']
} finally {
    ItEmulator.stop(context)
}
