import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert log.contains("Invalid cache tag in <tags> (cloudfront.tags): cache tag '#product:*' contains '*'; tags have no wildcards, so name each tag in full.")
    assert log.contains('BUILD FAILURE')
    // Refused before any call: CloudFront heard nothing, not even a lookup.
    assert emulator.requests().isEmpty()
} finally {
    ItEmulator.stop(context)
}
