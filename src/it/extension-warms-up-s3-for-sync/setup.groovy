import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
true
