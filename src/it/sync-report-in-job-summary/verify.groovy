import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def stored = emulator.invalidations()
    assert stored.size() == 1
    def id = stored[0].id()
    // The job summary keeps what the earlier step wrote, then gets one report per run: the sync, then the dry run.
    def summary = new File(basedir, 'step-summary.md').text
    assert summary.startsWith('### An earlier step\n\n### cloudfront:sync: deployed\n')
    def dryRun = summary.indexOf('### cloudfront:sync: what this deploy would do (dry run)')
    assert dryRun > 0
    def deployed = summary.substring(0, dryRun)
    assert deployed.contains('| uploaded | 5 | ')
    assert deployed.contains('| unchanged | 0 | |')
    assert deployed.contains("| `${id}` | distribution EDFDVBD6EXAMPLE | ${stored[0].paths().size()} | ")
    stored[0].paths().each { assert deployed.contains("- `${it}`") }
    assert deployed =~ /Took \d+\.\d s\./
    // The report file holds the sync's report alone.
    def report = new File(basedir, 'report.md').text
    assert report == deployed.substring('### An earlier step\n\n'.length()).stripTrailing() + '\n'
    // The dry run's report: the one changed page, to upload and to invalidate, nothing sent.
    def wouldDo = new File(basedir, 'dry-run-report.md').text
    assert wouldDo.startsWith('### cloudfront:sync: what this deploy would do (dry run)\n')
    assert wouldDo.contains('| to upload | 1 | ')
    assert wouldDo.contains('| unchanged | 4 | |')
    assert wouldDo.contains('Would invalidate 1 path on distribution EDFDVBD6EXAMPLE.')
    assert wouldDo.contains('- `/about.html`')
    assert summary.substring(dryRun).stripTrailing() == wouldDo.stripTrailing()
} finally {
    ItEmulator.stop(context)
}
