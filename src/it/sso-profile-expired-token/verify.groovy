import groovy.json.JsonSlurper
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // What to run, before any call to CloudFront, and no credentials handed out.
    assert log.contains("The IAM Identity Center (SSO) sign-in of profile 'site-deploy' (AWS_PROFILE) has expired or"
            + " was not made on this machine. Run 'aws sso login --profile site-deploy', then build again.")
    assert ItEmulator.get(context).requests().isEmpty()
    def portal = ItCredentialSources.get(context, SsoPortalEmulator)
    assert portal.issued().isEmpty()
    // The SDK tried to renew the token with its refresh token, which IAM Identity Center refused.
    assert portal.requests().collect { it.method() + ' ' + it.path() + ' ' + it.status() } == ['POST /token 400']
    def cached = new JsonSlurper().parse(new File(basedir, 'home/.aws/sso/cache').listFiles()[0])
    assert !log.contains(cached.accessToken)
    assert !log.contains(cached.refreshToken)
    assert !log.contains(cached.clientSecret)
} finally {
    ItEmulator.stop(context)
}
