import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 1
    def id = stored[0].id()
    assert log.contains("[INFO] Waiting for invalidation ${id} to complete (timeout 900 s)")
    assert log =~ /\[INFO\] Invalidation ${id} completed after \d+ s/
    // Two InProgress answers, then Completed: the wait went on through both and ended at the first Completed, with no
    // poll after it. (How soon after completion the plugin notices is checked on a fake clock in InvalidateTest.)
    def polls = emulator.requests('GetInvalidation')
    assert polls.size() == 3 : "GetInvalidation calls: ${polls}"
    assert emulator.firstReportedCompleted(id).isPresent()
    // Never a poll per instant: the plugin sleeps at least 0.9 s (a second less its 10 % jitter) before each read, so
    // on the emulator's monotonic clock each request arrives at least that long after the one before. A busy machine
    // only widens the gaps; only a client that polls sooner than its schedule can narrow them.
    def arrivals = (emulator.requests('CreateInvalidation') + polls).collect { it.receivedNanos() }.sort()
    def gapsMs = (1..<arrivals.size()).collect { (arrivals[it] - arrivals[it - 1]).intdiv(1_000_000) }
    assert gapsMs.every { it >= 900 } : "ms from the CreateInvalidation to each poll and between polls: ${gapsMs}"
} finally {
    ItEmulator.stop(context)
}
