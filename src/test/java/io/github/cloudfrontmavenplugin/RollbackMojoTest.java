package io.github.cloudfrontmavenplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.RollbackRequest;
import io.github.cloudfrontmavenplugin.publish.BucketLocation;
import java.util.List;
import java.util.Optional;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/**
 * The {@code rollback} goal as Maven configures it: {@code sync}'s bucket, manifest and guards, the deploy to restore,
 * and no site directory to compare.
 */
@MojoTest
class RollbackMojoTest {
    @Test
    @InjectMojo(goal = "rollback")
    @MojoParameter(name = "distributionId", value = "EDFDVBD6EXAMPLE")
    @MojoParameter(name = "manifest", value = "s3://deploys/www/manifest.txt")
    @MojoParameter(name = "bucket", value = "s3://www-example-com/site")
    @MojoParameter(name = "maxDeletes", value = "7")
    @MojoParameter(name = "directory", value = "target/site")
    @MojoParameter(name = "rollbackTo", value = " 20261206T031500.123Z-3f9a ")
    @MojoParameter(name = "pathPrefix", value = "/docs/")
    void parametersBecomeTheRollbackRequest(RollbackMojo mojo) throws Exception {
        RollbackRequest request = mojo.request();

        assertEquals(Optional.of("20261206T031500.123Z-3f9a"), request.rollbackTo());
        assertEquals("s3://deploys/www/manifest.txt", request.manifest());
        assertEquals(
                new BucketLocation("www-example-com", "site/"),
                request.publish().location());
        assertEquals(7, request.publish().maxDeletes());
        assertEquals(20, request.keepDeploys());
        assertEquals(List.of("/docs/a.html"), request.urls().pathsOf(List.of("a.html")));
        // A rollback restores recorded objects: the site directory plays no part.
        assertTrue(request.invalidation().diff().isEmpty());
        assertEquals(List.of("EDFDVBD6EXAMPLE"), request.invalidation().distributionIds());
    }

    @Test
    @InjectMojo(goal = "rollback")
    @MojoParameter(name = "distributionId", value = "EDFDVBD6EXAMPLE")
    @MojoParameter(name = "manifest", value = "s3://deploys/www/manifest.txt")
    @MojoParameter(name = "bucket", value = "s3://www")
    void byDefaultTheDeployBeforeTheNewest(RollbackMojo mojo) throws Exception {
        assertEquals(Optional.empty(), mojo.request().rollbackTo());
        assertEquals(256, mojo.request().publish().maxDeletes());
    }

    @Test
    @InjectMojo(goal = "rollback")
    @MojoParameter(name = "distributionId", value = "EDFDVBD6EXAMPLE")
    @MojoParameter(name = "bucket", value = "s3://www")
    void withoutAManifestItFailsNamingIt(RollbackMojo mojo) {
        UserFixableException refused = assertThrows(UserFixableException.class, mojo::request);
        assertTrue(
                refused.getMessage().startsWith("<manifest> (cloudfront.manifest) is not set: cloudfront:rollback"),
                refused.getMessage());
    }

    @Test
    @InjectMojo(goal = "rollback")
    @MojoParameter(name = "distributionId", value = "EDFDVBD6EXAMPLE")
    @MojoParameter(name = "manifest", value = "s3://deploys/www/manifest.txt")
    @MojoParameter(name = "bucket", value = "s3://www")
    @MojoParameter(name = "rollbackTo", value = "I2J0I21PCUYOIK")
    void anIdThatIsNoDeployIdIsRefusedBeforeAnyCall(RollbackMojo mojo) {
        UserFixableException refused = assertThrows(UserFixableException.class, mojo::request);
        assertEquals(
                "<rollbackTo> (cloudfront.rollbackTo) is 'I2J0I21PCUYOIK', which is not a deploy ID: those look like"
                        + " 20261206T031500.123Z-3f9a. cloudfront:history lists the kept deploys with their IDs.",
                refused.getMessage());
    }
}
