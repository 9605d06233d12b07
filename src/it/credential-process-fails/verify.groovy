import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // The exit code and stderr's first line, what to do, and nothing of what the helper printed on stdout.
    assert log.contains("The credential_process of profile 'vault' (<profile>, cloudfront.profile) failed with exit"
            + " code 2: aws-vault: error: no session for profile deploy, run 'aws-vault login deploy'. Fix what it"
            + " reports")
    assert !log.contains('sTdOuTsEcReT')
    assert !log.contains('ASIASTDOUTNEVERSHOWN')
    assert !log.contains('keychain locked')
    assert log.contains('[DEBUG]')
    assert ItEmulator.get(context).requests().isEmpty()
} finally {
    ItEmulator.stop(context)
}
