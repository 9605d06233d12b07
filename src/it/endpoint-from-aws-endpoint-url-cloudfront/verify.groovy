import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().collect { it.paths() } == [['/index.html']]
    assert emulator.requests('CreateInvalidation').size() == 1
    assert log.contains("[DEBUG] CloudFront endpoint ${emulator.endpoint()} (signing us-east-1): AWS_ENDPOINT_URL_CLOUDFRONT")
    // Nothing goes to CloudFront's own host, nor says it does.
    assert !log.contains('CloudFront request: POST https://cloudfront.amazonaws.com/')
} finally {
    ItEmulator.stop(context)
}
