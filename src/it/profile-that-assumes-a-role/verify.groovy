import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // One role assumed; CloudFront called with what STS issued, and that session token not logged even with -X.
    def role = ItEmulator.invalidatedAsTheRole(context, log)
    assert role.action() == 'AssumeRole'
    assert role.roleArn() == 'arn:aws:iam::123456789012:role/site-deploy'
    assert role.sessionName() == 'maven-site-deploy'
    // STS was asked with the source profile's key, whose secret is not logged either.
    assert emulator.requests('AssumeRole')[0].accessKeyId().get() == 'AKIAIOSFODNN7EXAMPLE'
    assert !log.contains('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')
} finally {
    ItEmulator.stop(context)
}
