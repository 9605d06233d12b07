import groovy.json.JsonSlurper
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import io.github.cloudfrontmavenplugin.emulator.SsoPortalEmulator

try {
    def log = ItEmulator.buildLog(basedir)
    // What to run, before any call to CloudFront, and no credentials handed out.
    assert log.contains("The IAM Identity Center (SSO) sign-in of profile 'site-deploy' (AWS_PROFILE) has expired or"
            + " was not made on this machine. Run 'aws sso login --profile site-deploy', then build again.")
    assert ItEmulator.get(context).requests().isEmpty()
    assert ItCredentialSources.get(context, SsoPortalEmulator).issued().isEmpty()
    def cache = new File(basedir, 'home/.aws/sso/cache').listFiles()[0]
    assert !log.contains(new JsonSlurper().parse(cache).accessToken)
} finally {
    ItEmulator.stop(context)
}
