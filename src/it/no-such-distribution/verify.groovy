import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().isEmpty()
    assert log.contains("CloudFront has no distribution 'ENOSUCHDIST' (NoSuchDistribution: The specified distribution does not exist.). Check <distributionId> (cloudfront.distributionId)")
    assert log.contains('BUILD FAILURE')
} finally {
    ItEmulator.stop(context)
}
