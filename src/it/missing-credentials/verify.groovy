import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    assert emulator.requests().isEmpty()
    assert log.contains('No AWS credentials found. Provide them in one of the ways the AWS SDK looks for them')
    assert log.contains('AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN')
} finally {
    ItEmulator.stop(context)
}
