import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // www's batch was held, broken failed, after still ran: and nothing reached CloudFront.
    assert log.contains('Invalidation held until the end of the build (invalidateAtEnd)')
    assert log =~ /broken .* FAILURE/
    assert log =~ /after .* SUCCESS/
    assert emulator.requests('CreateInvalidation').isEmpty() : emulator.requests().toString()
    assert emulator.invalidations().isEmpty()
} finally {
    ItEmulator.stop(context)
}
