import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, null)
ItEmulator.routeThroughTlsProxy(context, 'cloudfront-fips.amazonaws.com', ItEmulator.get(context).endpoint())
ItEmulator.writeProxySettings(basedir, 'http', proxy.port(), null)
true
