import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Signed with the temporary credentials, run with -X: neither the secret nor the session token shows anywhere.
    assert emulator.invalidations().size() == 1
    assert emulator.requests('CreateInvalidation')[0].accessKeyId().get() == 'ASIATEMPORARYEXAMPLE'
    // The DEBUG lines of the request's way out, the route a leak would take, do reach this log: the plugin's own, the
    // SDK retry strategy's and the HTTP client's. The absence below is not vacuous.
    assert log.contains('[DEBUG] CloudFront request: POST http://127.0.0.1:')
    assert log.contains('[DEBUG] CloudFront answered HTTP 201')
    assert log.contains('[DEBUG] Request attempt 1 token acquired')
    assert log =~ /\[DEBUG\] ex-\d+ executing POST \/2020-05-31\/distribution\/EDFDVBD6EXAMPLE\/invalidation/
    assert log.contains('completed after')
    assert !log.contains('tEmPoRaRySeCrEt')
    assert !log.contains('SeSsIoNtOkEn')
    assert !log.toLowerCase().contains('shouldneverbelogged')
} finally {
    ItEmulator.stop(context)
}
