import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Bound to deploy by default: the execution above names no phase.
    assert log =~ /--- cloudfront(-maven-plugin)?:[^:]+:invalidate \(default\) @ deploy-binding ---/
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert stored[0].paths() == ['/index.html', '/docs/getting%20started.html', '/assets/*']
    assert stored[0].callerReference() ==~ /mvn-deploy-binding-\d{8}T\d{6}Z-[0-9a-f]{8}/
    assert log.contains("[INFO] Created invalidation ${stored[0].id()} on distribution EDFDVBD6EXAMPLE for 3 paths (InProgress)")
    assert log.contains("[INFO] Location: ${emulator.endpoint()}/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation/${stored[0].id()}")
} finally {
    ItEmulator.stop(context)
}
