import groovy.json.JsonSlurper
import io.github.cloudfrontmavenplugin.emulator.ItCredentialSources
import io.github.cloudfrontmavenplugin.emulator.ItEmulator
import java.time.Duration

ItEmulator.start(context)
ItCredentialSources.ssoSignedIn(context, basedir, 'example-org', '123456789012', 'SiteDeployer', Duration.ofHours(-10))
// What the cache held before the build, to check that -X shows none of it.
context.put('cachedBefore', new JsonSlurper().parse(new File(basedir, 'home/.aws/sso/cache').listFiles()[0]))
true
