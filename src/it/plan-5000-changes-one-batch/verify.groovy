import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 2
    def plan = stored[1].paths()
    def wildcards = plan.findAll { it.endsWith('*') }
    assert plan.size() <= 100 && wildcards.size() <= 15 : plan
    // Every changed page is covered by a path of the one batch the emulator accepted.
    def changed = new File(basedir, 'changed.txt').readLines()
    assert changed.size() == 5000
    def uncovered = ItEmulator.uncovered(changed, plan)
    assert uncovered.isEmpty() : uncovered.take(5)
    assert log.contains('Invalidation plan: ')
    assert log =~ /Cost estimate: \d+ paths? at USD 0\.005 each/

    assert log.contains('Compared ') && log.contains(': 0 added, 5000 modified, 0 deleted, 3000 unchanged')
    assert plan.containsAll(['/sec0/*', '/sec5/*'])
    assert log =~ /Invalidation plan: \d+ paths \(\d+ wildcards\) for 5000 paths; \d+ unchanged objects invalidated too/
} finally {
    ItEmulator.stop(context)
}
