import io.github.cloudfrontmavenplugin.emulator.InstanceMetadataEmulator
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def imds = ItCredentialSources.get(context, InstanceMetadataEmulator)
    // IMDSv2: a session token first, then the role and its credentials with it; no GET without a token.
    def calls = imds.requests().collect { it.method() + ' ' + it.path() + ' ' + it.status() }
    assert calls == ['PUT /latest/api/token 200',
                     'GET /latest/meta-data/iam/security-credentials/ 200',
                     'GET /latest/meta-data/iam/security-credentials/' + InstanceMetadataEmulator.ROLE + ' 200']
    assert imds.refusedWithoutToken() == 0
    ItCredentialSources.invalidatedWith(context, log, imds.issued()[0])
    imds.sessionTokens().each { assert !log.contains(it) }
    assert log.contains("AWS credentials from the EC2 instance's role, from instance metadata (IMDS)")
} finally {
    ItEmulator.stop(context)
}
