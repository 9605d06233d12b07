import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator

def proxy = ItEmulator.tlsProxy(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // The renewal was tried through the proxy, which refused it; nothing reached the services or CloudFront.
    def refused = proxy.tunnels().findAll { it.target() == 'oidc.eu-west-1.amazonaws.com:443' }
    assert !refused.isEmpty() && refused.every { it.status() == 407 } : proxy.tunnels().toString()
    assert ItCredentialSources.get(context, SsoPortalEmulator).requests().isEmpty()
    assert ItEmulator.get(context).requests('CreateInvalidation').isEmpty()
    assert log.contains("Could not get the AWS credentials of profile 'site-deploy' (AWS_PROFILE): The proxy refused"
            + " the connection to oidc.eu-west-1.amazonaws.com or portal.sso.eu-west-1.amazonaws.com (HTTP 407 Proxy"
            + " Authentication Required)")
    assert !log.contains('has expired or was not made on this machine')
    assert !log.contains('last-years-secret')
} finally {
    ItEmulator.stop(context)
}
