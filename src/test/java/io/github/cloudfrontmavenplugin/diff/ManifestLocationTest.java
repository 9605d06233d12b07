package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestLocationTest {
    @Test
    void anS3LocationIsABucketAndAKey() throws Exception {
        assertEquals(
                Optional.of(new ManifestLocation("my-deploys", "www/manifest.txt")),
                ManifestLocation.inS3(" s3://my-deploys/www/manifest.txt "));
    }

    @Test
    void anythingElseIsAFile() throws Exception {
        assertEquals(Optional.empty(), ManifestLocation.inS3("deploy-state/manifest.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://my-deploys", "s3://my-deploys/", "s3:///manifest.txt"})
    void anS3LocationWithoutBucketOrKeyIsRefusedNamingTheParameterAndTheForm(String location) {
        UserFixableException e = assertThrows(UserFixableException.class, () -> ManifestLocation.inS3(location));

        assertEquals(
                "<manifest> (cloudfront.manifest) is '" + location + "'; an S3 manifest is written s3://bucket/key,"
                        + " such as s3://my-site-deploys/www/manifest.txt.",
                e.getMessage());
    }
}
