import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
def s3 = ItEmulator.s3(context)
['a', 'b', 'c'].each { s3.putObject('www', "old/${it}.html".toString(), 'old'.bytes) }
true
