import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
ItEmulator.startS3(context).createBucket('www')
def names = evaluate(new File(basedir, 'names.groovy'))
names.keySet().each { name ->
    def file = new File(basedir, 'site/' + name)
    file.parentFile.mkdirs()
    file.setText('content of ' + name, 'UTF-8')
}
true
