import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
def s3 = ItEmulator.s3(context)
s3.putObject('www', 'downloads/tool-1.0.zip', 'zip'.bytes)
s3.putObject('www', 'stale.html', 'stale'.bytes)
true
