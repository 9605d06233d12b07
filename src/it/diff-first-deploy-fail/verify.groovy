import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.requests().isEmpty()
    assert !new File(basedir, 'deploys/manifest.txt').exists()
    assert log.contains("There is no manifest at ${new File(basedir, 'deploys/manifest.txt').canonicalPath} and <onMissingManifest> (cloudfront.onMissingManifest) is fail.")
} finally {
    ItEmulator.stop(context)
}
