import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import java.time.Duration

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, 'build:proxy-secret')
ItEmulator.writeProxySettings(basedir, 'http', proxy.port(), 'build:last-years-secret')
ItCredentialSources.ssoSignedInBehindTlsProxy(
        context, basedir, 'example-org', '123456789012', 'SiteDeployer', Duration.ofHours(-10), 'eu-west-1')
true
