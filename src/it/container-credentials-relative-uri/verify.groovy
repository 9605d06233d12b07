import io.github.cloudfrontmavenplugin.emulator.ContainerCredentialsEmulator
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def task = ItCredentialSources.get(context, ContainerCredentialsEmulator)
    // The task role's credentials assumed the deploy role; CloudFront got the deploy role's.
    assert task.requests().collect { it.status() } == [200]
    def role = ItEmulator.invalidatedAsTheRole(context, log)
    assert role.callerKey().get() == task.issued()[0].accessKeyId()
    ItCredentialSources.neverLogged(log, task.issued()[0])
    assert log.contains('AWS credentials from the container credentials endpoint')
    assert log.contains('then assumed the role arn:aws:iam::123456789012:role/site-deploy')
} finally {
    ItEmulator.stop(context)
}
