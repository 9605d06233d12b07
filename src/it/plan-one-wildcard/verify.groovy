import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 2
    def plan = stored[1].paths()
    def wildcards = plan.findAll { it.endsWith('*') }
    assert plan.size() <= 10 && wildcards.size() <= 1 : plan
    // Every changed page is covered by a path of the one batch the emulator accepted.
    def changed = new File(basedir, 'changed.txt').readLines()
    assert changed.size() == 103
    def uncovered = ItEmulator.uncovered(changed, plan)
    assert uncovered.isEmpty() : uncovered.take(5)
    assert log.contains('Invalidation plan: ')
    assert log =~ /Cost estimate: \d+ paths? at USD 0\.005 each/

    assert plan.toSet() == ['/a/x/*', '/b/p0.html', '/b/p1.html', '/b/p2.html'].toSet()
    assert log.contains('Invalidation plan: 4 paths (1 wildcard) for 103 paths; 0 unchanged objects invalidated too')
} finally {
    ItEmulator.stop(context)
}
