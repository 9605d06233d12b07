import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Maven found the participant in the plugin's jar, and it left the AWS SDK alone: install stops before deploy.
    assert log.contains("No warm-up of the CloudFront code: this build runs neither cloudfront:invalidate nor cloudfront:sync for real")
    assert !log.contains("Loading the plugin's CloudFront and HTTP client code")
    assert log =~ /--- (maven-install-plugin|install):/
    assert !log.contains(":invalidate (default)")
    assert log.contains("[INFO] BUILD SUCCESS")
    assert emulator.invalidations().isEmpty()
} finally {
    ItEmulator.stop(context)
}
