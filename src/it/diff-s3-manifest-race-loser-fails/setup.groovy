import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
def s3 = ItEmulator.startS3(context)
// Another deploy records its manifest between this build's read and its write.
s3.beforeNextPut { s3.putObject('deploys', 'www/manifest.txt', 'cloudfront-maven-plugin manifest 1\n'.getBytes('UTF-8')) }
true
