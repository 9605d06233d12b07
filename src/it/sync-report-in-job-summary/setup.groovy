import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
new File(basedir, 'step-summary.md').text = '### An earlier step\n\n'
true
