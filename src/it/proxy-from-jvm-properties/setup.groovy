import io.github.cloudfrontmavenplugin.emulator.ForwardProxy
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
def proxy = ForwardProxy.start()
context.put('proxy', proxy)
context.userProperties['http.proxyHost'] = '127.0.0.1'
context.userProperties['http.proxyPort'] = Integer.toString(proxy.port())
// The JVM's own default skips loopback; a build behind a proxy sets its list, here one that lets loopback through.
context.userProperties['http.nonProxyHosts'] = 'internal.example.com'
true
