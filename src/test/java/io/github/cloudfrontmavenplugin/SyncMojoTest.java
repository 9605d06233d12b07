package io.github.cloudfrontmavenplugin;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.core.InvalidateRequest;
import io.github.cloudfrontmavenplugin.core.SyncRequest;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.publish.BucketLocation;
import io.github.cloudfrontmavenplugin.publish.ObjectHeaders;
import io.github.cloudfrontmavenplugin.publish.PublishSettings;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code sync} goal as Maven configures it: POM parameters and {@code -Dcloudfront.*} properties become the
 * publish settings of the request, and bad input fails naming the parameter and its property before any call to S3 or
 * CloudFront.
 */
@MojoTest
class SyncMojoTest {
    /** A POM as a static site configures the goal: two rules, the first match of each header winning. */
    private static final String CONFIGURED = "<project><build><plugins><plugin>"
            + "<artifactId>cloudfront-maven-plugin</artifactId><configuration>"
            + "<distributionId>EDFDVBD6EXAMPLE</distributionId>"
            + "<directory>target/site</directory>"
            + "<manifest>target/manifest.txt</manifest>"
            + "<bucket>s3://www-example-com/site</bucket>"
            + "<cacheTagHeader>surrogate-key</cacheTagHeader>"
            + "<delete>false</delete>"
            + "<maxDeletes>10</maxDeletes>"
            + "<concurrency>4</concurrency>"
            + "<rules>"
            + "<rule><includes><include>assets/**</include></includes><excludes><exclude>**/*.map</exclude></excludes>"
            + "<cacheControl>public, max-age=31536000, immutable</cacheControl>"
            + "<metadata><team>web</team></metadata><cacheTags><cacheTag>assets</cacheTag></cacheTags></rule>"
            + "<rule><cacheControl>no-cache</cacheControl><contentType>text/plain</contentType></rule>"
            + "</rules>"
            + "</configuration></plugin></plugins></build></project>";

    private CloudFrontEmulator cloudFront;
    private S3Emulator s3;

    @Inject
    private MavenSession session;

    @BeforeEach
    void start() throws Exception {
        cloudFront = CloudFrontEmulator.start();
        s3 = S3Emulator.start().createBucket("www");
    }

    @AfterEach
    void stop() {
        cloudFront.close();
        s3.close();
    }

    private static PublishSettings publish(SyncMojo mojo) throws Exception {
        return mojo.request().publish();
    }

    @Test
    @InjectMojo(goal = "sync", pom = CONFIGURED)
    void pomParametersBecomeThePublishSettings(SyncMojo mojo) throws Exception {
        SyncRequest sync = mojo.request();
        InvalidateRequest request = sync.invalidation();
        PublishSettings publish = sync.publish();

        assertTrue(request.diff().orElseThrow().directory().endsWith(Path.of("target", "site")));
        assertEquals(new BucketLocation("www-example-com", "site/"), publish.location());
        assertEquals(false, publish.delete());
        assertEquals(10, publish.maxDeletes());
        assertEquals(4, publish.concurrency());
    }

    @Test
    @InjectMojo(goal = "sync", pom = CONFIGURED)
    void rulesGiveEachHeaderFromTheFirstRuleThatMatchesAndSetsIt(SyncMojo mojo) throws Exception {
        PublishSettings publish = publish(mojo);

        assertEquals(
                new ObjectHeaders(
                        "text/plain",
                        Optional.of("public, max-age=31536000, immutable"),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of("team", "web", "surrogate-key", "assets")),
                publish.rules().headersFor("assets/app.js"));
        assertEquals(
                new ObjectHeaders("text/plain", Optional.of("no-cache"), Optional.empty(), Optional.empty(), Map.of()),
                publish.rules().headersFor("assets/app.js.map"));
    }

    @Test
    @InjectMojo(goal = "sync")
    @MojoParameter(name = "distributionId", value = "EDFDVBD6EXAMPLE")
    @MojoParameter(name = "directory", value = "target/site")
    @MojoParameter(name = "manifest", value = "target/manifest.txt")
    @MojoParameter(name = "bucket", value = "s3://www")
    void defaultsDeleteUpTo256ObjectsWith16RequestsAndTheCacheTagMetadata(SyncMojo mojo) throws Exception {
        PublishSettings publish = publish(mojo);

        assertEquals(true, publish.delete());
        assertEquals(256, publish.maxDeletes());
        assertEquals(32, publish.concurrency());
        assertEquals(false, publish.followExternalLinks());
        assertEquals(new BucketLocation("www", ""), publish.location());
        assertEquals(
                "text/html; charset=utf-8",
                publish.rules().headersFor("index.html").contentType());
        LockSettings lock = mojo.request().invalidation().lock();
        assertEquals(Duration.ofSeconds(60), lock.lease());
        assertEquals(Duration.ofSeconds(600), lock.timeout());
        assertEquals(20, mojo.request().keepDeploys());
    }

    /** The same settings given as {@code mvn cloudfront:sync -Dcloudfront.bucket=... } does. */
    @Nested
    class FromTheCommandLine {
        @BeforeEach
        void commandLine() {
            Properties user = session.getUserProperties();
            user.setProperty("cloudfront.distributionId", "EDFDVBD6EXAMPLE");
            user.setProperty("cloudfront.directory", "target/site");
            user.setProperty("cloudfront.manifest", "target/manifest.txt");
            user.setProperty("cloudfront.bucket", "s3://www-example-com/docs/");
            user.setProperty("cloudfront.cacheTagHeader", "x-amz-meta-surrogate-key");
            user.setProperty("cloudfront.delete", "false");
            user.setProperty("cloudfront.maxDeletes", "3");
            user.setProperty("cloudfront.concurrency", "2");
            user.setProperty("cloudfront.followExternalLinks", "true");
            user.setProperty("cloudfront.lockLease", "90");
            user.setProperty("cloudfront.lockTimeout", "0");
            user.setProperty("cloudfront.keepDeploys", "5");
        }

        @Test
        @InjectMojo(goal = "sync")
        void propertiesBecomeThePublishSettings(SyncMojo mojo) throws Exception {
            SyncRequest sync = mojo.request();
            InvalidateRequest request = sync.invalidation();
            PublishSettings publish = sync.publish();

            assertTrue(request.diff().orElseThrow().directory().endsWith(Path.of("target", "site")));
            assertEquals(new BucketLocation("www-example-com", "docs/"), publish.location());
            assertEquals(false, publish.delete());
            assertEquals(3, publish.maxDeletes());
            assertEquals(2, publish.concurrency());
            assertEquals(true, publish.followExternalLinks());
            assertEquals(Duration.ofSeconds(90), request.lock().lease());
            assertEquals(Duration.ZERO, request.lock().timeout());
            assertEquals(5, sync.keepDeploys());
        }
    }

    @Test
    @InjectMojo(goal = "sync")
    void aMissingDirectoryIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<directory> (cloudfront.directory) is not set", "directory");
    }

    @Test
    @InjectMojo(goal = "sync")
    void aMissingBucketIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<bucket> (cloudfront.bucket) is not set", "bucket");
    }

    @Test
    @InjectMojo(goal = "sync")
    @MojoParameter(name = "bucket", value = "www")
    void aBucketThatIsNotAnS3UrlIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<bucket> (cloudfront.bucket) is 'www'. It is written s3://bucket");
    }

    @Test
    @InjectMojo(goal = "sync")
    @MojoParameter(name = "concurrency", value = "0")
    void aConcurrencyBelowOneIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<concurrency> (cloudfront.concurrency) is 0;");
    }

    @Test
    @InjectMojo(goal = "sync")
    @MojoParameter(name = "maxDeletes", value = "-1")
    void aNegativeMaxDeletesIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<maxDeletes> (cloudfront.maxDeletes) is -1;");
    }

    @Test
    @InjectMojo(goal = "sync")
    @MojoParameter(name = "cacheTagHeader", value = "cache tag")
    void aCacheTagHeaderThatIsNoMetadataNameIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(
                mojo, "<cacheTagHeader> (cloudfront.cacheTagHeader) names the metadata 'cache tag'; S3 metadata");
    }

    @Test
    @InjectMojo(goal = "sync")
    @MojoParameter(name = "lockLease", value = "2")
    void aLeaseTooShortToRenewIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<lockLease> (cloudfront.lockLease) is 2;");
    }

    @Test
    @InjectMojo(goal = "sync")
    @MojoParameter(name = "lockTimeout", value = "-1")
    void aNegativeLockTimeoutIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<lockTimeout> (cloudfront.lockTimeout) is -1;");
    }

    @Test
    @InjectMojo(goal = "sync")
    @MojoParameter(name = "keepDeploys", value = "0")
    void aHistoryThatKeepsNoDeployIsNamedBeforeAnyCall(SyncMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(
                mojo,
                "<keepDeploys> (cloudfront.keepDeploys) is 0; it is how many deploys the history beside the manifest"
                        + " keeps, this one included: use 1 or more (the default is 20).");
    }

    /**
     * Runs the Mojo, with the required parameters the test did not set (unless it leaves them unset on purpose)
     * pointing at the emulators, and checks that it failed with a message the user can act on without any call.
     */
    private void assertFailsBeforeAnyCall(SyncMojo mojo, String messageStart, String... leftUnset) throws Exception {
        Map<String, Object> required = Map.of(
                "distributionId",
                CloudFrontEmulator.DISTRIBUTION_ID,
                "directory",
                new File("target/site"),
                "manifest",
                "target/manifest.txt",
                "bucket",
                "s3://www");
        for (Map.Entry<String, Object> parameter : required.entrySet()) {
            if (!List.of(leftUnset).contains(parameter.getKey())
                    && getVariableValueFromObject(mojo, parameter.getKey()) == null) {
                setVariableValueToObject(mojo, parameter.getKey(), parameter.getValue());
            }
        }
        setVariableValueToObject(mojo, "endpoint", cloudFront.endpoint());
        setVariableValueToObject(mojo, "s3Endpoint", s3.endpoint());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertTrue(cloudFront.requests().isEmpty(), cloudFront.requests().toString());
        assertTrue(s3.calls().isEmpty(), s3.calls().toString());
    }
}
