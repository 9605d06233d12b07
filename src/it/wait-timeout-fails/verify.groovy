import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def id = emulator.invalidations()[0].id()
    assert log.contains("Invalidation ${id} on distribution EDFDVBD6EXAMPLE is still InProgress after 3 s, the <waitTimeout> (cloudfront.waitTimeout).")
    assert log.contains("check it later with: mvn cloudfront:get-invalidation -Dcloudfront.distributionId=EDFDVBD6EXAMPLE -Dcloudfront.invalidationId=${id} -Dcloudfront.wait")
    assert log.contains('[ERROR] Failed to execute goal')
    assert log.contains('BUILD FAILURE')
} finally {
    ItEmulator.stop(context)
}
