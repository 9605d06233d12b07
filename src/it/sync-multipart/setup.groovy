import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
// A video of 17 MiB: over the 16 MiB from which files go up in parts.
def video = new File(basedir, 'v1/media/video.mp4')
video.parentFile.mkdirs()
def bytes = new byte[17 * 1024 * 1024 + 5]
new Random(13).nextBytes(bytes)
video.bytes = bytes
true
