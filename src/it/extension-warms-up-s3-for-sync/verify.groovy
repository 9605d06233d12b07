import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def warmUp = log.indexOf("Loading the plugin's S3, CloudFront and HTTP client code on a background thread at the start of the build, for cloudfront:sync in module it.cloudfront:extension-warms-up-s3-for-sync:1.0")
    def loaded = log.indexOf("The warm-up at the start of the build has ended.")
    def goal = log.indexOf(":sync (default) @ extension-warms-up-s3-for-sync ---")
    assert warmUp >= 0 && loaded >= 0 && goal >= 0
    // Started when the POM was read, before the first phase of the build, not by the goal.
    def clean = log =~ /--- (maven-clean-plugin|clean):/
    assert clean.find() && warmUp < clean.start()
    // The warm-up's S3 calls, answered in memory, are never shown: every S3 request in the -X log reached the
    // emulator, and so did every token the SDK's retry strategy handed out but the invalidation's.
    assert !log.contains('WARMUP') && !log.contains('cloudfront-warm-up')
    def requests = log.readLines().findAll { it.contains('S3 request: ') }
    assert requests.size() == s3.calls().size()
    assert requests.every { it.contains('http://127.0.0.1:') }
    assert log.readLines().count { it.contains('Request attempt 1 token acquired') } == s3.calls().size() + 1
    assert !log.contains('AWS4 Canonical Request')
    // The goal builds its own clients and publishes as without the warm-up.
    assert s3.keys('www') == ['about.html', 'css/site.css', 'docs/index.html', 'index.html', 'js/app.js']
    assert s3.stored('www', 'index.html').get().header('content-type') == 'text/html; charset=utf-8'
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert log =~ /Uploaded 5 files \([0-9.]+ B\), deleted 0, 0 unchanged; invalidated \d+ paths?/
    assert log.contains("[INFO] BUILD SUCCESS")
} finally {
    ItEmulator.stop(context)
}
