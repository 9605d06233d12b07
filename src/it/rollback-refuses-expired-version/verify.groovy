import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def records = ItEmulator.keptDeploys(context)
    assert records.size() == 2 // the refused rollback recorded nothing
    def expired = context.get('expiredVersion')
    assert records[1].objects().get('index.html').versionId() == Optional.of(expired)

    // The refusal names the deploy, the key and its version, and what to do instead.
    assert log.contains('on project rollback-refuses-expired-version: The rollback to ' + records[1].id()
            + ' needs 1 version that S3 no longer keeps (expired by a lifecycle rule, or deleted); nothing was changed:')
    assert log.contains('\n[ERROR]   index.html (version ' + expired + ')\n')
    assert log.contains('\n[ERROR] Roll back to a newer deploy (cloudfront:history lists them), or deploy that build'
            + ' again with cloudfront:sync.')

    // Refused before any change: the bucket holds the second build, nothing was copied, deleted or invalidated.
    assert s3.keys('www') == ['css/site.css', 'docs/index.html', 'index.html', 'js/new.js']
    assert new String(s3.stored('www', 'index.html').get().content(), 'UTF-8') == 'home v2\n'
    def rollbackCalls = s3.calls().drop(context.get('callsBeforeRollback'))
    assert rollbackCalls.any { it.operation() == 'HeadObject' && it.key() == 'index.html' } // it did look
    assert rollbackCalls.count { it.operation() in ['CopyObject', 'DeleteObjects'] } == 0
    assert rollbackCalls.count { it.operation() in ['PutObject', 'DeleteObject'] && !it.key().startsWith('www/') } == 0
    assert emulator.invalidations().size() == 2
    assert !s3.stored('deploys', 'www/manifest.txt.lock').isPresent()
} finally {
    ItEmulator.stop(context)
}
