import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 1
    // The failure of one distribution did not stop the other: it was created and waited for.
    assert emulator.firstReportedCompleted(stored[0].id()).isPresent()
    assert log.contains("[INFO]   EDFDVBD6EXAMPLE  ${stored[0].id()}  Completed")
    assert log.contains('[WARNING]   ENOSUCHDIST      failed: ')
    assert log.contains('[ERROR] Failed to execute goal') && log.contains('The invalidation failed on 1 of 2 distributions')
    assert log =~ /ENOSUCHDIST: .*NoSuchDistribution/
    // Without a directory there is no manifest to hold back.
    assert !log.contains('manifest')
} finally {
    ItEmulator.stop(context)
}
