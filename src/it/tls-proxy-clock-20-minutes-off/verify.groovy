import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def creates = emulator.requests('CreateInvalidation')
    // Refused for the time it was signed at, then accepted once the plugin took AWS's clock from the answer, as the SDK does.
    assert creates.collect { it.status() } == [403, 201] : creates.toString()
    assert creates[0].errorCode().get() == 'SignatureDoesNotMatch'
    assert emulator.invalidations().size() == 1
} finally {
    ItEmulator.stop(context)
}
