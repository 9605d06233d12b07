import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 1
    def id = stored[0].id()
    assert log.contains("[INFO] Waiting for invalidation ${id} to complete (timeout 900 s)")
    assert log =~ /\[INFO\] Invalidation ${id} completed after \d+ s/
    // The wait ended at the first answer that said Completed: no poll came after it. (How soon after completion the
    // plugin notices is checked on a fake clock in InvalidateTest; here two builds share a loaded machine.)
    def completedAt = emulator.firstReportedCompleted(id).get()
    def polls = emulator.requests('GetInvalidation')
    assert !polls.isEmpty()
    assert polls.every { !it.receivedAt().isAfter(completedAt) } : polls.collect { it.receivedAt() }.toString()
    // Polls start about a second apart and grow: a handful for a 4 s invalidation, never a poll per instant.
    assert polls.size() <= 6
} finally {
    ItEmulator.stop(context)
}
