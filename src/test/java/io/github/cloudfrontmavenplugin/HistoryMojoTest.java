package io.github.cloudfrontmavenplugin;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code history} goal as Maven configures it: a manifest to read, and a count of at least 1. */
@MojoTest
class HistoryMojoTest {
    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "history")
    void aMissingManifestIsNamed(HistoryMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("<manifest> (cloudfront.manifest) is not set."), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "history")
    void aCountBelowOneIsRefused(HistoryMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "manifest", dir.resolve("manifest.txt").toString());
        setVariableValueToObject(mojo, "count", -1);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "<count> (cloudfront.count) is -1; it is how many of the last deploys cloudfront:history prints: use 1"
                        + " or more (the default is 10).",
                e.getMessage());
    }
}
