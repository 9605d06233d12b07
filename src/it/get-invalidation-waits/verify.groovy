import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def id = emulator.invalidations()[0].id()
    // Printed as `aws cloudfront get-invalidation` prints it, then waited on.
    assert log.contains("[INFO]         \"Id\": \"${id}\",")
    assert log.contains('[INFO]         "Status": "InProgress",')
    assert log.contains('[INFO]                     "/error.html"')
    assert log.contains('[INFO]             "CallerReference": "it-get"')
    assert log =~ /\[INFO\] Invalidation ${id} completed after \d+ s/
    assert emulator.requests('CreateInvalidation').size() == 1
    assert emulator.requests('GetInvalidation').size() >= 2
} finally {
    ItEmulator.stop(context)
}
