import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SigninEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def signin = ItCredentialSources.get(context, SigninEmulator)
    // Renewed once, with a proof of the session's key; the renewed credentials assumed the role; CloudFront got the role's.
    assert signin.requests().collect { it.status() } == [200]
    def renewed = signin.issued()[1]
    def role = ItEmulator.invalidatedAsTheRole(context, log)
    assert role.action() == 'AssumeRole'
    assert role.callerKey().get() == renewed.accessKeyId()
    signin.issued().each { ItCredentialSources.neverLogged(log, it) }
    // Nor the refresh tokens or the session's private key from the cache file.
    def cache = new File(basedir, 'home/.aws/login/cache').listFiles().find { it.name.endsWith('.json') }
    def cached = new groovy.json.JsonSlurper().parse(cache)
    assert cached.accessToken.accessKeyId == renewed.accessKeyId()
    assert !log.contains(cached.refreshToken)
    assert !log.contains('BEGIN EC PRIVATE KEY')
    assert log.contains("AWS credentials from profile 'console': console sign-in (aws login)")
    assert log.contains('then assumed the role arn:aws:iam::123456789012:role/site-deploy')
} finally {
    ItEmulator.stop(context)
}
