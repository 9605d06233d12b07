import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    def roles = emulator.assumedRoles()
    assert roles.size() == 1
    assert roles[0].action() == 'AssumeRoleWithWebIdentity'
    assert roles[0].roleArn() == 'arn:aws:iam::123456789012:role/github-deploy'
    assert roles[0].sessionName() == 'gha-run-42'
    def token = new File(basedir, 'oidc-token.jwt').text.trim()
    assert emulator.requests('AssumeRoleWithWebIdentity')[0].body().contains(URLEncoder.encode(token, 'UTF-8'))
    // CloudFront was called as the role: with the key and session token STS issued.
    def create = emulator.requests('CreateInvalidation')
    assert create.size() == 1 && create[0].status() == 201
    assert create[0].accessKeyId().get() == roles[0].issuedAccessKeyId()
    assert create[0].securityToken().isPresent()
    assert emulator.invalidations()*.paths() == [['/index.html']]
    // Even with -X, neither the OIDC token nor the issued session token is logged.
    assert !log.contains('it-oidc-token-signature')
    assert !log.contains(create[0].securityToken().get())
} finally {
    ItEmulator.stop(context)
}
