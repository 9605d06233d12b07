package io.github.cloudfrontmavenplugin;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code unlock} goal as Maven configures it: the manifest and the lock ID, both required, named when missing. */
@MojoTest
class UnlockMojoTest {
    private static final String LOCK = "cloudfront-maven-plugin lock 1\nid=left-behind-1\nhost=ci\nuser=u\n"
            + "project=g:a:1\ntaken=2026-12-06T10:00:00Z\nexpires=2999-01-01T00:00:00Z\n";

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "unlock")
    void aMissingLockIdIsNamed(UnlockMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "manifest", dir.resolve("manifest.txt").toString());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("<lockId> (cloudfront.lockId) is not set"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "unlock")
    void aLocalLockIsRemovedOnlyWithItsId(UnlockMojo mojo) throws Exception {
        Path lock = Files.writeString(dir.resolve("manifest.txt.lock"), LOCK);
        setVariableValueToObject(mojo, "manifest", dir.resolve("manifest.txt").toString());
        setVariableValueToObject(mojo, "lockId", "another-2");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("has the lock ID left-behind-1, not another-2"), e.getMessage());
        assertTrue(Files.exists(lock));

        setVariableValueToObject(mojo, "lockId", "left-behind-1");
        mojo.execute();
        assertFalse(Files.exists(lock));
    }
}
