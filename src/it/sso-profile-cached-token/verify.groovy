import groovy.json.JsonSlurper
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def portal = ItCredentialSources.get(context, SsoPortalEmulator)
    // The cached token exchanged once for the profile's account and role, and CloudFront called with what came back.
    assert portal.issued().size() == 1
    assert portal.requests().collect { it.query() } == [[role_name: 'SiteDeployer', account_id: '123456789012']]
    ItCredentialSources.invalidatedWith(context, log, portal.issued()[0])
    // The bearer token went out in a header; -X shows neither it nor the credentials.
    def cache = new File(basedir, 'home/.aws/sso/cache').listFiles()[0]
    assert !log.contains(new JsonSlurper().parse(cache).accessToken)
    assert log.contains("AWS credentials from profile 'site-deploy': IAM Identity Center (SSO)")
} finally {
    ItEmulator.stop(context)
}
