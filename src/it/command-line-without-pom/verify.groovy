import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert !new File(basedir, 'pom.xml').exists()
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert stored[0].paths() == ['/index.html', '/caf%C3%A9%20menu.html']
    assert stored[0].callerReference().startsWith('mvn-cli-')
    assert log.contains("Created invalidation ${stored[0].id()} on distribution EDFDVBD6EXAMPLE for 2 paths")
} finally {
    ItEmulator.stop(context)
}
