package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** Only a link back to a directory being walked is a loop; a directory linked twice is deployed twice. */
    @Test
    void aDirectoryLinkedFromTwoPlacesIsWalkedUnderBothNames() throws IOException {
        Path site = Files.createDirectory(dir.resolve("site"));
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.writeString(shared.resolve("logo.svg"), "<svg/>");
        Files.createSymbolicLink(site.resolve("a"), shared);
        Files.createSymbolicLink(site.resolve("b"), shared);
        List<String> scanned = new ArrayList<>();

        new SiteScanner(AntPatterns.of(List.of(), List.of()), warning -> {})
                .scan(site, file -> scanned.add(file.relativePath()));

        assertEquals(List.of("a/logo.svg", "b/logo.svg"), scanned);
    }

    /** The deploy turns this exception into "it vanished or is not readable", naming the directory. */
    @Test
    void aDirectoryThatVanishedBeforeItsListingFailsNamingIt() {
        Path gone = dir.resolve("gone");

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SiteScanner.namesIn(gone));
        assertEquals(gone.toString(), e.getFile());
    }
}
