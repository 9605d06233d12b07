import io.github.cloudfrontmavenplugin.emulator.CredentialEndpoint
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import java.time.Instant

try {
    def log = ItEmulator.buildLog(basedir)
    def printed = new CredentialEndpoint.Issued('ASIAPROCESSEXAMPLE01', 'pRoCeSsSeCrEt/NeVeRlOgGeD0123456789abcd',
            'pRoCeSsSeSsIoNtOkEn+NeVeRlOgGeD==', Instant.parse('2099-01-01T00:00:00Z'))
    ItCredentialSources.invalidatedWith(context, log, printed)
    // A first deploy: everything invalidated, and the manifest read and written in S3 with the helper's key.
    assert ItEmulator.get(context).invalidations()[0].paths() == ['/*']
    def s3 = ItEmulator.s3(context)
    assert s3.object('deploys', 'www/manifest.txt').isPresent()
    assert !s3.requests().isEmpty()
    assert s3.requests().every { it.accessKeyId() == Optional.of('ASIAPROCESSEXAMPLE01') }
    assert log.contains("AWS credentials from profile 'vault': credential_process")
} finally {
    ItEmulator.stop(context)
}
