import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, null)
def skew = java.time.Duration.ofMinutes(20)
ItEmulator.get(context).clockOffBy(skew)
proxy.serverClockOffBy(skew)
ItEmulator.writeProxySettings(basedir, 'http', proxy.port(), null)
true
