import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
def s3 = ItEmulator.startS3(context).createBucket('www').enableVersioning('www')
// Once the first deploy recorded itself, its ID goes to the rollback's command line, as a user would copy it from
// cloudfront:history.
s3.afterPutOf('www/manifest.txt.history', {
    def first = ItEmulator.keptDeploys(context)[0].id()
    def properties = new Properties()
    properties.setProperty('cloudfront.rollbackTo', first)
    new File(basedir, 'rollback-to.properties').withWriter('UTF-8') { properties.store(it, null) }
} as Runnable)
true
