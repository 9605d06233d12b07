import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.requests().isEmpty()
    assert log.contains('[INFO] Dry run: would invalidate 2 paths on distribution EDFDVBD6EXAMPLE; nothing is sent to CloudFront. The batch:')
    assert log.contains('[INFO]             "/a%20b.html"')
    assert log.contains('[INFO]     "CallerReference": "release-1.0"')
    assert log.contains('BUILD SUCCESS')
} finally {
    ItEmulator.stop(context)
}
