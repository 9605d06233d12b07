import io.github.cloudfrontmavenplugin.emulator.ContainerCredentialsEmulator
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    def container = ItCredentialSources.get(context, ContainerCredentialsEmulator)
    // Asked with the token from the file, once; CloudFront called with what the endpoint issued.
    assert container.requests().collect { it.status() } == [200]
    assert container.issued().size() == 1
    ItCredentialSources.invalidatedWith(context, log, container.issued()[0])
    assert !log.contains(container.authorizationToken())
    assert log.contains('AWS credentials from the container credentials endpoint')
} finally {
    ItEmulator.stop(context)
}
