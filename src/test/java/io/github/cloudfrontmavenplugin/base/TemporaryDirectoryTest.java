package io.github.cloudfrontmavenplugin.base;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemporaryDirectoryTest {
    @Test
    void closingDeletesTheDirectoryWithEverythingInIt() throws IOException {
        Path path;
        try (TemporaryDirectory work = TemporaryDirectory.create("cloudfront-test")) {
            path = work.path();
            Files.createDirectories(path.resolve("a/b"));
            Files.writeString(path.resolve("a/b/manifest.next"), "x");
            Files.writeString(path.resolve("objects.next"), "y");
            assertTrue(Files.isDirectory(path));
        }
        assertFalse(Files.exists(path));
    }

    @Test
    void closingADirectoryAlreadyGoneIsHarmless() throws IOException {
        TemporaryDirectory work = TemporaryDirectory.create("cloudfront-test");
        Files.delete(work.path());
        work.close();
        work.close();
        assertFalse(Files.exists(work.path()));
    }
}
