import io.github.cloudfrontmavenplugin.emulator.ItEmulator

ItEmulator.start(context)
def s3 = ItEmulator.startS3(context).createBucket('www').enableVersioning('www')
// Once the second deploy, which replaced index.html, recorded itself, a lifecycle rule expires the first deploy's
// version of it for good. verify.groovy checks the rollback from the calls made after that point.
s3.afterPutOf('www/manifest.txt.history', {
    def expired = s3.versions('www', 'index.html')[0].versionId()
    context.put('expiredVersion', expired)
    s3.afterPutOf('www/manifest.txt.history', {
        s3.deleteVersion('www', 'index.html', expired)
        context.put('callsBeforeRollback', s3.calls().size())
    } as Runnable)
} as Runnable)
true
