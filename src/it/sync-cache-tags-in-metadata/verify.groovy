import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert s3.stored('www', 'docs/index.html').get().header('x-amz-meta-edge-tag') == 'docs,release-2'
    assert s3.stored('www', 'index.html').get().header('x-amz-meta-edge-tag') == null
} finally {
    ItEmulator.stop(context)
}
