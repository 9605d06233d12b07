import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def portal = ItCredentialSources.get(context, SsoPortalEmulator)
    assert portal.requests().collect { it.path() + ' ' + it.status() } == ['/federation/credentials 200']
    ItCredentialSources.invalidatedWith(context, log, portal.issued()[0])
    assert log.contains("AWS credentials from profile 'legacy-sso': IAM Identity Center (SSO)")
} finally {
    ItEmulator.stop(context)
}
