import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.invalidations().size() == 1
    assert log.contains('The manifest s3://deploys/www/manifest.txt was changed by another deploy while this one ran, so it was not advanced')
    def kept = new String(ItEmulator.s3(context).object('deploys', 'www/manifest.txt').get(), 'UTF-8')
    assert kept == 'cloudfront-maven-plugin manifest 1\n'
} finally {
    ItEmulator.stop(context)
}
