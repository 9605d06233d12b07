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
    // The comma-separated text reached InvalidateMojo.setPaths, not Maven's list conversion, which tries to load a
    // class per item (45-80 ms for 1,000 paths, bench/startup-results-2026-12-02b.md).
    assert log.contains('(s) paths = /index.html,/caf\u00e9 menu.html,/index.html')
    assert !log.contains('(f) paths = ')
} finally {
    ItEmulator.stop(context)
}
