import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, 'build:proxy-secret')
ItEmulator.writeProxySettings(basedir, 'http', proxy.port(), 'build:proxy-secret')
true
