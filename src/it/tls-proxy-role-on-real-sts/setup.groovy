import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, null)
ItEmulator.writeProxySettings(basedir, 'http', proxy.port(), null)
true
