import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert !s3.keys('www').contains('about.html')
    assert s3.calls().count { it.operation() == 'DeleteObjects' && it.status() == 200 } == 1
    def stored = emulator.invalidations()
    assert stored.size() == 2
    assert stored[1].paths() == ['/about.html']
    assert log.contains('Uploaded 0 files (0 B), deleted 1, 4 unchanged; invalidated 1 path')
} finally {
    ItEmulator.stop(context)
}
