import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // Waited out the 3 s <waitTimeout> as the emulator saw it, and said how long it waited: by the emulator's counts
    // and monotonic clock, not by an exact number of seconds rounded from a busy machine's real time.
    def id = ItEmulator.waitedOutTheTimeout(context, log, 3)
    assert log.contains("[WARNING] Invalidation ${id} on distribution EDFDVBD6EXAMPLE is still InProgress after ")
    assert log.contains('BUILD SUCCESS')
} finally {
    ItEmulator.stop(context)
}
