import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 1
    assert stored[0].paths() == ['/*']
    assert new File(basedir, 'deploys/manifest.txt').text.startsWith('cloudfront-maven-plugin manifest 1\n')
    assert log.contains('(first deploy): onMissingManifest is all')
} finally {
    ItEmulator.stop(context)
}
