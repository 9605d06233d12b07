import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations('dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB')
    assert stored.size() == 1 && emulator.invalidations().size() == 1
    assert stored[0].paths() == ['#product:tv', '/index.html']
    // The tenant's own action and URI, not the distribution's; no lookup for an ID.
    def create = emulator.requests('CreateInvalidationForDistributionTenant')
    assert create.size() == 1 && create[0].path() == '/2020-05-31/distribution-tenant/dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB/invalidation'
    assert emulator.requests('CreateInvalidation').isEmpty()
    assert emulator.requests('ListDistributions').isEmpty() && emulator.requests('GetDistributionTenantByDomain').isEmpty()
    assert log.contains("[INFO] Created invalidation ${stored[0].id()} on distribution tenant dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB for 2 paths (InProgress)")
    assert log.contains("/2020-05-31/distribution-tenant/dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB/invalidation/${stored[0].id()}")
} finally {
    ItEmulator.stop(context)
}
