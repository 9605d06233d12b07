import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // Signed with the temporary credentials, run with -X: neither the secret nor the session token shows anywhere.
    assert emulator.invalidations().size() == 1
    assert emulator.requests('CreateInvalidation')[0].accessKeyId().get() == 'ASIATEMPORARYEXAMPLE'
    // The SDK's own DEBUG lines, the route a leak would take, do reach this log: the absence below is not vacuous.
    assert log.contains('[DEBUG] Sending Request: DefaultSdkHttpFullRequest(httpMethod=POST')
    assert log.contains('[DEBUG] Received successful response: 201')
    assert log.contains('completed after')
    assert !log.contains('tEmPoRaRySeCrEt')
    assert !log.contains('SeSsIoNtOkEn')
    assert !log.toLowerCase().contains('shouldneverbelogged')
} finally {
    ItEmulator.stop(context)
}
