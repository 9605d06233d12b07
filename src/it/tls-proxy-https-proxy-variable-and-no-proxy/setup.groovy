import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.startBehindTlsProxy(context, basedir, Integer.parseInt(itHttpsProxyPort), null)
context.userProperties['cloudfront.s3Endpoint'] = ItEmulator.s3(context).endpoint()
true
