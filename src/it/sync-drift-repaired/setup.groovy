import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
def s3 = ItEmulator.s3(context)
// After the first build recorded its deploy, someone changes the bucket by hand.
s3.afterPutOf('www/manifest.txt', {
    s3.putObject('www', 'css/site.css', 'body { color: red; }\n'.bytes, ['content-type': 'text/css'])
    s3.deleteObject('www', 'about.html')
} as Runnable)
true
