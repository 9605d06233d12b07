import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // The exit code and stderr's first line, though the chain dropped them: the profile was asked once more.
    assert log.contains("The credential_process of profile 'vault' (AWS_PROFILE) failed with exit code 1: 1Password"
            + " CLI: account is not signed in, run 'op signin'. Fix what it reports")
    assert new File(basedir, 'helper-runs.txt').readLines().size() == 2
    assert !log.contains('sTdOuTsEcReT')
    assert !log.contains('ASIASTDOUTNEVERSHOWN')
    assert !log.contains('session expired 3h ago')
    assert log.contains('[DEBUG]')
    assert ItEmulator.get(context).requests().isEmpty()
} finally {
    ItEmulator.stop(context)
}
