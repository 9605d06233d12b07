import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, 'build:proxy-secret')
// <protocol>https</protocol>: the proxy serves https URLs; it is still spoken to in plain HTTP (CONNECT).
ItEmulator.writeProxySettings(basedir, 'https', proxy.port(), 'build:proxy-secret')
true
