import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def stored = emulator.invalidations()
    assert stored.size() == 3
    // <keepDeploys>2</keepDeploys>: the third deploy's record pushed the first one out.
    def records = ItEmulator.keptDeploys(context)
    assert records.size() == 2
    assert records*.invalidations() == [['EDFDVBD6EXAMPLE ' + stored[2].id()], ['EDFDVBD6EXAMPLE ' + stored[1].id()]]
    assert records[0].objects().keySet() == ['css/site.css', 'index.html', 'news.html'] as Set
    assert records[1].objects().keySet() == ['css/site.css', 'index.html'] as Set

    def lines = log.readLines()
    def start = lines.findIndexOf { it == '[INFO] The last 2 of 2 deploys kept in s3://deploys/www/manifest.txt.history, newest first:' }
    assert start >= 0
    assert lines[start + 1].startsWith('[INFO] ' + records[0].id() + '  ')
    assert lines[start + 1].endsWith('  <- the bucket holds this')
    assert lines[start + 2].startsWith('[INFO] ' + records[1].id() + '  ')
    // Without versioning, each deploy that wrote objects says once that no rollback will be possible.
    def warnings = lines.findAll { it.startsWith('[WARNING] The bucket www has no versioning') }
    assert warnings.size() == 3
    assert lines.count { it == '  aws s3api put-bucket-versioning --bucket www --versioning-configuration Status=Enabled' } == 3
    assert records.every { record -> record.objects().values().every { !it.versionId().isPresent() } }
} finally {
    ItEmulator.stop(context)
}
