import groovy.json.JsonSlurper
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def portal = ItCredentialSources.get(context, SsoPortalEmulator)
    // Renewed through IAM Identity Center's OIDC service, then exchanged at the portal; CloudFront got what it issued.
    assert portal.requests().collect { it.method() + ' ' + it.path() + ' ' + it.status() } ==
            ['POST /token 200', 'GET /federation/credentials 200']
    ItCredentialSources.invalidatedWith(context, log, portal.issued()[0])
    // The SDK stored the renewed token in the cache; no token of before or after is in the -X log.
    def before = context.get('cachedBefore')
    def after = new JsonSlurper().parse(new File(basedir, 'home/.aws/sso/cache').listFiles().find { it.name.endsWith('.json') })
    assert after.accessToken != before.accessToken
    [before.accessToken, before.refreshToken, before.clientSecret, after.accessToken, after.refreshToken].each {
        assert !log.contains(it)
    }
    true
} finally {
    ItEmulator.stop(context)
}
