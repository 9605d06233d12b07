import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().size() == 1
    assert emulator.requests('CreateInvalidation')*.accessKeyId()*.get() == ['AKIAIOSFODNN7EXAMPLE']
    // -X prints the configuration, never the secret.
    assert log.contains('(f) serverId = aws-deploy')
    assert !log.contains('wJalrXUtnFEMI')
} finally {
    ItEmulator.stop(context)
}
