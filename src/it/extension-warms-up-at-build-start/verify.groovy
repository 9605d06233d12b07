import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def warmUp = log.indexOf("Loading the plugin's CloudFront and HTTP client code on a background thread at the start of the build, for cloudfront:invalidate in module it.cloudfront:extension-warms-up-at-build-start:1.0")
    def loaded = log.indexOf("The warm-up at the start of the build has ended.")
    def goal = log.indexOf(":invalidate (default) @ extension-warms-up-at-build-start ---")
    assert warmUp >= 0 && loaded >= 0 && goal >= 0
    // Started when the POM was read, before the first phase of the build, not by the goal.
    def install = log =~ /--- (maven-install-plugin|install):/
    assert install.find() && warmUp < install.start()
    assert warmUp < goal
    // The warm-up's CreateInvalidation, answered in memory, is never shown: the only request in the -X log is the one sent.
    assert !log.contains('WARMUP')
    def requests = log.readLines().findAll { it.contains('CloudFront request: ') }
    assert requests.size() == 1 && requests[0].contains("/distribution/EDFDVBD6EXAMPLE/invalidation (attempt 1)")
    assert log.readLines().count { it.contains('Request attempt 1 token acquired') } == 1
    // The warm-up signs before the goal resolves credentials; the signer's canonical request, which holds a session
    // token, stays out of the -X log all the same.
    assert !log.contains('AWS4 Canonical Request')
    // Nor is the client it builds, for an endpoint it never reaches, taken for the goal's.
    assert !log.contains('CloudFront (https://cloudfront.amazonaws.com)')
    // The goal still builds its own client and sends exactly one batch through it.
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert stored[0].paths() == ['/index.html']
    assert log.contains("[INFO] Created invalidation ${stored[0].id()} on distribution EDFDVBD6EXAMPLE for 1 path")
    assert log.contains("[INFO] BUILD SUCCESS")
} finally {
    ItEmulator.stop(context)
}
