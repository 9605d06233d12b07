import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // Two invalidations; the second is one batch within the budget that covers every changed page.
    def plan = ItEmulator.secondDeployPlan(context, basedir, log, 100, 15, 5000)

    assert log.contains('Compared ') && log.contains(': 0 added, 5000 modified, 0 deleted, 3000 unchanged')
    assert plan.containsAll(['/sec0/*', '/sec5/*'])
    assert log =~ /Invalidation plan: \d+ paths \(\d+ wildcards\) for 5000 paths; \d+ unchanged objects invalidated too/
} finally {
    ItEmulator.stop(context)
}
