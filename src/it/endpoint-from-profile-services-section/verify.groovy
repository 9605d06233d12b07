import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().collect { it.paths() } == [['/index.html']]
    assert log.contains("[DEBUG] CloudFront endpoint ${emulator.endpoint()} (signing us-east-1): endpoint_url of"
            + " cloudfront in [services local-emulators] (profile local)")
} finally {
    ItEmulator.stop(context)
}
