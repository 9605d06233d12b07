import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, null)
ItEmulator.s3(context).createBucket('eu-deploys', 'eu-west-1')
ItEmulator.writeProxySettings(basedir, 'http', proxy.port(), null)
true
