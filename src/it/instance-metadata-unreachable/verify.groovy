import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // That no instance role was found, where it was looked for, then the other ways.
    assert log.contains('No AWS credentials found. No EC2 instance role was found either: the instance metadata'
            + ' service (' + context.get('imdsEndpoint') + ') did not answer')
    assert log.contains('Provide them in one of the ways the AWS SDK looks for them')
    assert log.contains("'aws login', 'aws sso login' or 'aws configure'")
    assert ItEmulator.get(context).requests().isEmpty()
} finally {
    ItEmulator.stop(context)
}
