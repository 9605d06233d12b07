import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def tags = ['#section:0', '#section:5', '#layout:Default', '#release-2026.11', '#nav']
    // The second deploy: 5,000 changed pages and 5 tags in 20 paths; the paths are collapsed, the tags all kept.
    def plan = ItEmulator.secondDeployPlan(context, basedir, log, 20, 15, 5000)
    assert plan.take(5) == tags
    assert plan.count { it.startsWith('#') } == 5
    assert plan.drop(5).every { it.startsWith('/') }
    assert plan.size() <= 20
    assert log =~ /Invalidation plan: ${plan.size()} paths \(\d+ wildcards?, 5 cache tags\) for 5005 paths/
    assert log.contains("Cost estimate: ${plan.size()} paths at USD 0.005 each")
    // The first deploy, without a manifest, invalidated everything and the tags too.
    assert ItEmulator.get(context).invalidations()[0].paths() == tags + ['/*']
} finally {
    ItEmulator.stop(context)
}
