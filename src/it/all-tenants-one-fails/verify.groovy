import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def listed = emulator.requests('ListDistributionTenants')
    assert listed.size() == 1 && listed[0].body().contains('<DistributionId>EMULTITENANT1</DistributionId>')
    assert log.contains('[INFO] Distribution EMULTITENANT1 has 3 distribution tenants: dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB, dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC, dt_4ylFBk5jF3kxQZh8trbLQUPG3CD')
    // The failure of one tenant did not stop the others: both were created and waited for.
    def one = emulator.invalidations('dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB')
    def three = emulator.invalidations('dt_4ylFBk5jF3kxQZh8trbLQUPG3CD')
    assert one.size() == 1 && three.size() == 1 && emulator.invalidations('dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC').isEmpty()
    assert emulator.firstReportedCompleted(one[0].id()).isPresent()
    assert emulator.firstReportedCompleted(three[0].id()).isPresent()
    assert log.contains('[INFO] Invalidations on 3 distribution tenants:')
    assert log.contains("[INFO]   dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB  ${one[0].id()}  Completed")
    assert log.contains('[WARNING]   dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC  failed: CloudFront denied cloudfront:CreateInvalidationForDistributionTenant')
    assert log.contains('The invalidation failed on 1 of 3 distribution tenants')
    assert log.contains('arn:aws:cloudfront::<account-id>:distribution-tenant/dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC')
    // Concurrently: each creation was held until all three were in flight.
    assert emulator.mostInFlight('CreateInvalidationForDistributionTenant') == 3
    assert log.contains('BUILD FAILURE')
} finally {
    ItEmulator.stop(context)
}
