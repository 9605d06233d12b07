import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SigninEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def signin = ItCredentialSources.get(context, SigninEmulator)
    // The renewal was refused; the build says what to run, before any call to CloudFront.
    assert signin.requests().collect { it.status() } == [401]
    assert log.contains("The console sign-in session of profile 'console' (<profile>, cloudfront.profile) has expired"
            + " or was not made on this machine. Run 'aws login --profile console', then build again.")
    assert ItEmulator.get(context).requests().isEmpty()
    ItCredentialSources.neverLogged(log, signin.issued()[0])
} finally {
    ItEmulator.stop(context)
}
