import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations('dt_4ylFBk5jF3kxQZh8trbLQUPG3CD')
    assert stored.size() == 1
    def id = stored[0].id()
    // Polled through the tenant's action until CloudFront said Completed.
    def polls = emulator.requests('GetInvalidationForDistributionTenant')
    assert polls.size() >= 2 && polls.every { it.path() == "/2020-05-31/distribution-tenant/dt_4ylFBk5jF3kxQZh8trbLQUPG3CD/invalidation/${id}" }
    assert emulator.requests('GetInvalidation').isEmpty()
    assert emulator.firstReportedCompleted(id).isPresent()
    assert log =~ /\[INFO\] Invalidation ${id} completed after \d+ s/
} finally {
    ItEmulator.stop(context)
}
