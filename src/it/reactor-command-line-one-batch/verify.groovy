import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // The goal needs no project, so Maven runs it once for the whole reactor, and it waits for no module: one
    // invalidation, sent at once.
    assert emulator.invalidations()*.paths() == [['/index.html']]
    assert !log.contains('held until the end of the build')
    // Maven 3.6 names the plugin by its artifactId in this line, later versions by its prefix.
    assert log =~ /\[INFO\] --- cloudfront(-maven-plugin)?:[^:]+:invalidate \(default-cli\) @ parent ---/
} finally {
    ItEmulator.stop(context)
}
