import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // Two invalidations; the second is one batch within the budget that covers every changed page.
    def plan = ItEmulator.secondDeployPlan(context, basedir, log, 10, 1, 103)

    assert plan.toSet() == ['/a/x/*', '/b/p0.html', '/b/p1.html', '/b/p2.html'].toSet()
    assert log.contains('Invalidation plan: 4 paths (1 wildcard) for 103 paths; 0 unchanged objects invalidated too')
} finally {
    ItEmulator.stop(context)
}
