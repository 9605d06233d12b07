import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert log =~ /<rollbackTo> \(cloudfront\.rollbackTo\) is '20200101T000000\.000Z-dead', which is not a kept deploy of s3:\/\/deploys\/www\/manifest\.txt\.history\. The kept deploys, newest first: \S+Z-\p{XDigit}+, \S+Z-\p{XDigit}+\./
    assert s3.keys('www') == ['css/site.css', 'docs/index.html', 'index.html', 'js/new.js']
    assert s3.calls().count { it.operation() == 'CopyObject' } == 0
    assert emulator.invalidations().size() == 2
    assert !s3.stored('deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    ItEmulator.stop(context)
}
