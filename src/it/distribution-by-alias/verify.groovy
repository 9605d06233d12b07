import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations('EDFDVBD6EXAMPLE').size() == 1
    assert emulator.invalidations('EOTHERSITE').isEmpty()
    assert log.contains('[INFO] Distribution www.example.com is EDFDVBD6EXAMPLE')
} finally {
    ItEmulator.stop(context)
}
