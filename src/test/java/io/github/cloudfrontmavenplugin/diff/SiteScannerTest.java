package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteScannerTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryNameInADirectory() throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.html"), "b");
        Files.writeString(dir.resolve("a.html"), "a");

        String[] names = SiteScanner.namesIn(dir);
        Arrays.sort(names);
        assertArrayEquals(new String[] {"a.html", "b.html", "sub"}, names);
    }

    /** The deploy turns this exception into "it vanished or is not readable", naming the directory. */
    @Test
    void aDirectoryThatVanishedBeforeItsListingFailsNamingIt() {
        Path gone = dir.resolve("gone");

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SiteScanner.namesIn(gone));
        assertEquals(gone.toString(), e.getFile());
    }
}
