import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // The signature verified with the emulator's secret: Maven's settings decryption gave the plugin the plain one.
    def create = emulator.requests('CreateInvalidation')
    assert create*.accessKeyId()*.get() == ['AKIAIOSFODNN7EXAMPLE']
    assert create*.status() == [201]
    assert !log.contains('wJalrXUtnFEMI')
} finally {
    ItEmulator.stop(context)
}
