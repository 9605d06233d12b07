import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // The second build copied every file again (new modification times) and changed none: nothing is sent.
    def puts = s3.calls().findAll { it.operation() in ['PutObject', 'CopyObject', 'UploadPart'] && !it.key().startsWith('www/') }
    assert puts.size() == 5
    assert s3.calls().count { it.operation() == 'HeadObject' && !it.key().startsWith('www/') } == 0
    assert emulator.invalidations().size() == 1
    assert log.contains('Uploaded 0 files (0 B), deleted 0, 5 unchanged; invalidated 0 paths')
} finally {
    ItEmulator.stop(context)
}
