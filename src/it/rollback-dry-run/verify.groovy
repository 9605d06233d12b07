import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // It prints what it would copy, delete and invalidate ...
    assert log =~ /Dry run: would roll s3:\/\/www\/ back to the deploy \S+ \(.*\): 2 to restore from their kept versions, 1 to delete, 2 unchanged/
    assert log =~ /\n\[INFO\]   restore index\.html \(version \S+\) Content-Type: text\/html; charset=utf-8/
    assert log =~ /\n\[INFO\]   restore js\/old\.js \(version \S+\) Content-Type: \S+/
    assert log.contains('[INFO]   delete js/new.js')
    assert log.contains('Dry run: would restore 2 from their kept versions, delete 1, 2 unchanged; would invalidate 4 paths')
    // ... and changes nothing, taking no lock.
    assert s3.keys('www') == ['css/site.css', 'docs/index.html', 'index.html', 'js/new.js']
    assert s3.calls().count { it.operation() == 'CopyObject' } == 0
    assert s3.calls().findAll { it.key().endsWith('.lock') && it.operation() == 'PutObject' }.size() == 2
    assert emulator.invalidations().size() == 2
} finally {
    ItEmulator.stop(context)
}
