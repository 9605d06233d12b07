import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, null)
context.userProperties['https.proxyHost'] = '127.0.0.1'
context.userProperties['https.proxyPort'] = Integer.toString(proxy.port())
true
