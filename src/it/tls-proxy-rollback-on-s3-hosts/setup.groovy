import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def proxy = ItEmulator.startBehindTlsProxy(context, basedir, 0, null)
ItEmulator.s3(context).createBucket('tls-www').enableVersioning('tls-www')
ItEmulator.s3(context).createBucket('tls-deploys')
ItEmulator.writeProxySettings(basedir, 'http', proxy.port(), null)
true
