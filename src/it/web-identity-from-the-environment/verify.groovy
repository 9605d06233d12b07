import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // One role assumed; CloudFront called with what STS issued, and that session token not logged even with -X.
    def role = ItEmulator.invalidatedAsTheRole(context, log)
    assert role.action() == 'AssumeRoleWithWebIdentity'
    assert role.roleArn() == 'arn:aws:iam::123456789012:role/github-deploy'
    assert role.sessionName() == 'gha-run-42'
    def token = new File(basedir, 'oidc-token.jwt').text.trim()
    assert emulator.requests('AssumeRoleWithWebIdentity')[0].body().contains(URLEncoder.encode(token, 'UTF-8'))
    // Nor is the OIDC token.
    assert !log.contains('it-oidc-token-signature')
} finally {
    ItEmulator.stop(context)
}
