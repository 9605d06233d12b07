import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, null)
// CloudFront in China signs for cn-northwest-1; STS for the region of its host.
ItEmulator.get(context).signingRegion('cn-northwest-1')
ItEmulator.writeProxySettings(basedir, 'http', proxy.port(), null)
true
