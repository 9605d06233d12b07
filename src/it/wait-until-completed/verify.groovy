import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 1
    def id = stored[0].id()
    assert log.contains("[INFO] Waiting for invalidation ${id} to complete (timeout 900 s)")
    assert log =~ /\[INFO\] Invalidation ${id} completed after \d+ s/
    // Polling starts at about a second: the build saw Completed soon after the emulator turned it.
    def late = java.time.Duration.between(stored[0].completesAt(), emulator.firstReportedCompleted(id).get())
    assert !late.isNegative() && late.toMillis() <= 2000 : "noticed ${late} after completion"
    assert emulator.requests('GetInvalidation').size() <= 6
} finally {
    ItEmulator.stop(context)
}
