import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def roles = emulator.assumedRoles()
    assert roles.size() == 1
    assert roles[0].action() == 'AssumeRole'
    assert roles[0].roleArn() == 'arn:aws:iam::123456789012:role/site-deploy'
    assert roles[0].sessionName() == 'maven-site-deploy'
    // STS was asked with the source profile's key; CloudFront was called with what STS issued.
    assert emulator.requests('AssumeRole')[0].accessKeyId().get() == 'AKIAIOSFODNN7EXAMPLE'
    def create = emulator.requests('CreateInvalidation')
    assert create.size() == 1 && create[0].status() == 201
    assert create[0].accessKeyId().get() == roles[0].issuedAccessKeyId()
    assert create[0].securityToken().isPresent()
    assert emulator.invalidations()*.paths() == [['/index.html']]
    // Even with -X, neither the source profile's secret nor the issued session token is logged.
    assert !log.contains('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')
    assert !log.contains(create[0].securityToken().get())
} finally {
    ItEmulator.stop(context)
}
