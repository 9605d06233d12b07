import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def id = ItEmulator.waitedOutTheTimeout(context, log, 3)
    assert log.contains("check it later with: mvn cloudfront:get-invalidation -Dcloudfront.distributionId=EDFDVBD6EXAMPLE -Dcloudfront.invalidationId=${id} -Dcloudfront.wait")
    assert log.contains('[ERROR] Failed to execute goal')
    assert log.contains('BUILD FAILURE')
} finally {
    ItEmulator.stop(context)
}
