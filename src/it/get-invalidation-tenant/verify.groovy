import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def id = emulator.invalidations('dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC')[0].id()
    // Printed as 'aws cloudfront get-invalidation-for-distribution-tenant' prints it, tag included, then waited on.
    assert log.contains("[INFO]         \"Id\": \"${id}\",")
    assert log.contains('[INFO]         "Status": "InProgress",')
    assert log.contains('[INFO]                     "#product:tv"')
    assert log.contains('[INFO]             "CallerReference": "it-get-tenant"')
    assert log =~ /\[INFO\] Invalidation ${id} completed after \d+ s/
    def reads = emulator.requests('GetInvalidationForDistributionTenant')
    assert reads.size() == 3 && reads.every { it.path() == "/2020-05-31/distribution-tenant/dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC/invalidation/${id}" }
    assert emulator.requests('GetInvalidation').isEmpty()
} finally {
    ItEmulator.stop(context)
}
