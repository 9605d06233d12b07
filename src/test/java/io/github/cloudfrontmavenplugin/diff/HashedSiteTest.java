package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.LeftBehind;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site hashed ahead of the comparison: a manifest's lines in order, and nothing left behind once closed. */
class HashedSiteTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve("site").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private HashedSite hash(Path site) {
        return HashedSite.start(site, AntPatterns.of(List.of(), List.of()), 2, warnings::add);
    }

    /** A manifest line computed apart from the code under test. */
    static String line(String path, String content) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            String sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return sha256 + "\t" + bytes.length + "\t" + path + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theEntriesAreAManifestsLinesInPathOrder() throws IOException {
        write("index.html", "home");
        write("docs/index.html", "docs");
        write("css/site.css", "body{}");

        try (HashedSite hashed = hash(dir.resolve("site"))) {
            assertEquals(
                    ManifestFormat.HEADER + "\n" + line("css/site.css", "body{}") + line("docs/index.html", "docs")
                            + line("index.html", "home"),
                    Files.readString(hashed.await()));
        }
    }

    @Test
    void anEmptySiteIsTheHeaderAlone() throws IOException {
        Files.createDirectories(dir.resolve("site"));

        try (HashedSite hashed = hash(dir.resolve("site"))) {
            assertEquals(ManifestFormat.HEADER + "\n", Files.readString(hashed.await()));
        }
    }

    @Test
    void aMissingSiteIsRefusedBeforeAnythingStarts() throws UserFixableException {
        Path missing = dir.resolve("target/site");
        DiffSettings settings = new DiffSettings(
                missing,
                SiteUrls.of("/", "index.html"),
                AntPatterns.of(List.of(), List.of()),
                dir.resolve("manifest.txt").toString(),
                OnMissingManifest.ALL,
                null);

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> HashedSite.start(settings, 2, warnings::add));

        assertEquals(
                "<directory> (cloudfront.directory) " + missing + " is not a directory. Point it at the built site,"
                        + " such as target/site, and run the goal after the phase that builds it.",
                e.getMessage());
    }

    @Test
    void theWalksWarningsComeFromAwaitOnTheCallersThread() throws IOException {
        write("index.html", "home");
        Files.createSymbolicLink(dir.resolve("site/gone.html"), dir.resolve("nowhere.html"));

        try (HashedSite hashed = hash(dir.resolve("site"))) {
            assertEquals(List.of(), warnings, "nothing is said from the hashing thread");
            hashed.await();
        }

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Skipping gone.html: it is a symbolic link to"), warnings.get(0));
    }

    @Test
    void closingWhileItHashesStopsItsThreadsAndDeletesItsFile() throws IOException {
        for (int i = 0; i < 3000; i++) {
            write("many/" + (i % 10) + "/f" + i + ".txt", "content " + i);
        }

        HashedSite hashed = hash(dir.resolve("site"));
        Path directory = hashed.file().getParent();
        assertTrue(Files.isDirectory(directory));
        hashed.close();

        assertEquals(0, LeftBehind.threadsNamed("cloudfront-hash"), "a hashing thread outlived close");
        assertFalse(Files.exists(directory), "the hashed site outlived close");
    }
}
