import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // No distribution serves the domain, so the tenant that does is looked up by it.
    assert log.contains('[INFO] www.customer2.com is distribution tenant dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC of distribution EMULTITENANT1')
    assert emulator.requests('ListDistributions').size() == 1
    def lookup = emulator.requests('GetDistributionTenantByDomain')
    assert lookup.size() == 1 && lookup[0].status() == 200
    assert emulator.invalidations('dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC').size() == 1
    assert emulator.invalidations().size() == 1
} finally {
    ItEmulator.stop(context)
}
