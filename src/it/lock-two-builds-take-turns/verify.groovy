import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // One build waited for the other, naming it.
    def waiting = (log =~ /Waiting for the deploy lock s3:\/\/deploys\/www\/manifest.txt.lock held by it.cloudfront.lock:site-([ab]):1.0 on /)
    assert waiting.find() : log
    def first = waiting.group(1)
    def second = first == 'a' ? 'b' : 'a'
    def secondSite = new File(basedir, second == 'a' ? 'v1' : 'v2')

    // Every write to the site's bucket happened while one build held the lock, never while both ran.
    def calls = s3.calls()
    def lockTaken = calls.findIndexValues { it.operation() == 'PutObject' && it.key() == 'www/manifest.txt.lock' && it.status() == 200 }
    def lockRemoved = calls.findIndexValues { it.operation() == 'DeleteObject' && it.key() == 'www/manifest.txt.lock' }
    assert lockTaken.size() == 2 && lockRemoved.size() == 2 : calls.toString()
    assert lockTaken[0] < lockRemoved[0] && lockRemoved[0] < lockTaken[1] && lockTaken[1] < lockRemoved[1]
    calls.eachWithIndex { call, i ->
        if (call.operation() in ['PutObject', 'DeleteObjects', 'CopyObject'] && !call.key().endsWith('.lock')) {
            assert (i > lockTaken[0] && i < lockRemoved[0]) || (i > lockTaken[1] && i < lockRemoved[1]) : "${call} outside the lock: ${calls}"
        }
    }
    // The manifest was read by the second build only after the first recorded it: no lost race on it.
    assert calls.count { it.operation() == 'PutObject' && it.key() == 'www/manifest.txt' && it.status() == 200 } == 2
    assert !log.contains('was changed by another deploy')

    // The bucket holds exactly the second build's site, byte for byte, and its manifest.
    def files = []
    secondSite.eachFileRecurse(groovy.io.FileType.FILES) { files << secondSite.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
    assert s3.keys('www') == files.sort()
    files.each { assert s3.object('www', it).get() == new File(secondSite, it).bytes }
    def manifest = new String(s3.object('deploys', 'www/manifest.txt').get(), 'UTF-8')
    files.each { assert manifest.contains('\t' + it + '\n') }
    assert emulator.invalidations().size() == 2
    assert !s3.object('deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    ItEmulator.stop(context)
}
