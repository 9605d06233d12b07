import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator

def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def portal = ItCredentialSources.get(context, SsoPortalEmulator)
    // The token was renewed at IAM Identity Center's OIDC service and exchanged at its portal, each over TLS through
    // the proxy, with the settings.xml credentials; CloudFront got what the portal issued.
    def renewed = proxy.forwardedOverTls('oidc.eu-west-1.amazonaws.com').findAll { it.method() == 'POST' }
    assert renewed.size() == 1 && renewed[0].status() == 200 : proxy.forwarded().toString()
    def exchanged = proxy.forwardedOverTls('portal.sso.eu-west-1.amazonaws.com').findAll { it.method() == 'GET' }
    assert exchanged.size() == 1 && exchanged[0].status() == 200 : proxy.forwarded().toString()
    def basic = 'Basic ' + 'build:proxy-secret'.bytes.encodeBase64().toString()
    // The client sends the credentials once the proxy asks (407); each tunnel it opened carried them.
    def tunnels = proxy.tunnels().findAll { it.target().endsWith('.eu-west-1.amazonaws.com:443') && it.status() == 200 }
    assert tunnels.collect { it.target() }.toSet() == ['oidc.eu-west-1.amazonaws.com:443', 'portal.sso.eu-west-1.amazonaws.com:443'].toSet()
    assert tunnels.every { it.proxyAuthorization().orElse('') == basic } : tunnels.toString()
    assert portal.requests().collect { it.method() + ' ' + it.path() + ' ' + it.status() } ==
            ['POST /token 200', 'GET /federation/credentials 200']
    ItCredentialSources.invalidatedWith(context, log, portal.issued()[0])
    assert proxy.forwardedOverTls('cloudfront.amazonaws.com').any { it.method() == 'POST' && it.status() == 201 }
    assert log.contains("IAM Identity Center portal (https://portal.sso.eu-west-1.amazonaws.com): proxy http://127.0.0.1:${proxy.port()} from settings.xml <proxy> 'corporate', with credentials")
    assert !log.contains('proxy-secret')
} finally {
    ItEmulator.stop(context)
}
