import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def names = evaluate(new File(basedir, 'names.groovy'))
    def log = ItEmulator.buildLog(basedir)
    // Each file is stored under its name as it is.
    assert s3.keys('www').toSorted() == names.keySet().toSorted()
    names.keySet().each { name ->
        assert new String(s3.object('www', name).get(), 'UTF-8') == 'content of ' + name
    }
    // One invalidation, each file under its encoded URL path: /q%3F.html, never /q?.html (the path /q with a query).
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert stored[0].paths().toSorted() == names.values().toSorted()
    assert log =~ /Uploaded 12 files \([0-9.]+ B\), deleted 0, 0 unchanged; invalidated 12 paths/
} finally {
    ItEmulator.stop(context)
}
