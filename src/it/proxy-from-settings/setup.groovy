import io.github.cloudfrontmavenplugin.emulator.ForwardProxy
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
def proxy = ForwardProxy.requiringCredentials('build', 'proxy-secret')
context.put('proxy', proxy)
new File(basedir, 'proxy-settings.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<settings>
  <proxies>
    <proxy>
      <id>corporate</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${proxy.port()}</port>
      <username>build</username>
      <password>proxy-secret</password>
    </proxy>
  </proxies>
</settings>
"""
true
