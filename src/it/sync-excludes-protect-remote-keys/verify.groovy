import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // An object of another tool under an excluded path stays; one the site does not have is deleted.
    assert s3.keys('www').contains('downloads/tool-1.0.zip')
    assert !s3.keys('www').contains('stale.html')
    assert log.contains('deleted 1,')
} finally {
    ItEmulator.stop(context)
}
