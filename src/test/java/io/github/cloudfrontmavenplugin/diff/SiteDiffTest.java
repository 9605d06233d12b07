package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteDiffTest {
    @TempDir
    Path dir;

    private Path site;
    private final List<String> warnings = new ArrayList<>();
    private int deploys;

    @BeforeEach
    void createSite() throws IOException {
        site = dir.resolve("site");
        write("index.html", "home");
        write("docs/index.html", "docs");
        write("docs/caf\u00e9 menu.html", "menu");
        write("css/site.css", "body{}");
    }

    private void write(String relative, String content) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Hashes the site, joins it with the previous manifest (if any), and keeps the site's entries as the next one. */
    private SiteDiff.Result deploy(Optional<Path> previous, AntPatterns filter) throws IOException {
        Path next = dir.resolve("manifest-" + (++deploys) + ".txt");
        try (HashedSite hashed = HashedSite.start(site, filter, 2, warnings::add)) {
            SiteDiff.Result result = SiteDiff.compare(hashed.await(), previous, "m");
            Files.copy(hashed.await(), next);
            lastManifest = next;
            return result;
        }
    }

    private Path lastManifest;

    private SiteDiff.Result redeploy() throws IOException {
        return deploy(Optional.of(lastManifest), AntPatterns.of(List.of(), List.of()));
    }

    @Test
    void firstDeployAddsEverythingInOrder() throws IOException {
        SiteDiff.Result first = deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));

        assertEquals(
                List.of("css/site.css", "docs/caf\u00e9 menu.html", "docs/index.html", "index.html"), first.added());
        List<String> lines = Files.readAllLines(lastManifest);
        assertEquals(5, lines.size());
        assertEquals(64, lines.get(1).indexOf('\t'));
        assertTrue(lines.get(4).endsWith("\t4\tindex.html"), lines.get(4));
    }

    @Test
    void findsAddedModifiedDeletedAndUnchanged() throws IOException {
        deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        write("docs/index.html", "docs, new edition");
        write("index.html", "HOME");
        write("blog/first post.html", "hello");
        Files.delete(site.resolve("css/site.css"));

        SiteDiff.Result second = redeploy();

        assertEquals(List.of("blog/first post.html"), second.added());
        assertEquals(List.of("docs/index.html", "index.html"), second.modified());
        assertEquals(List.of("css/site.css"), second.deleted());
        assertEquals(1, second.unchanged());
        assertEquals(
                List.of("blog/first post.html", "css/site.css", "docs/index.html", "index.html"), second.changed());
    }

    @Test
    void unchangedFilesAreCountedByDirectory() throws IOException {
        deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        write("docs/index.html", "docs, new edition");

        SiteDiff.Result second = redeploy();

        assertEquals(Map.of("", 1L, "css/", 1L, "docs/", 1L), second.unchangedByDirectory());
    }

    @Test
    void aManifestWithWindowsLineEndsStillMatchesTheSite() throws IOException {
        deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        Files.writeString(lastManifest, Files.readString(lastManifest).replace("\n", "\r\n"));

        SiteDiff.Result second = redeploy();

        assertEquals(0, second.changedCount());
        assertEquals(Map.of("", 1L, "css/", 1L, "docs/", 2L), second.unchangedByDirectory());
    }

    /** The error of a redeploy after the first deploy's manifest was edited. */
    private String refusalOfManifestEditedBy(Consumer<List<String>> edit) throws IOException {
        deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        List<String> lines = new ArrayList<>(Files.readAllLines(lastManifest));
        edit.accept(lines);
        Files.write(lastManifest, lines);
        return assertThrows(CorruptManifestException.class, this::redeploy).getMessage();
    }

    @Test
    void aManifestOutOfOrderIsRefusedThoughEachLineMatchesTheSite() throws IOException {
        assertEquals(
                "The manifest m line 4 ('docs/caf\u00e9 menu.html') is out of order or repeated.",
                refusalOfManifestEditedBy(lines -> Collections.swap(lines, 2, 3)));
    }

    @Test
    void aManifestWithARepeatedLineIsRefused() throws IOException {
        assertEquals(
                "The manifest m line 4 ('docs/caf\u00e9 menu.html') is out of order or repeated.",
                refusalOfManifestEditedBy(lines -> lines.add(2, lines.get(2))));
    }

    @Test
    void sameSizeOtherContentIsModified() throws IOException {
        deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        write("index.html", "HOME");
        assertEquals(List.of("index.html"), redeploy().modified());
    }

    @Test
    void unchangedSiteHasNoChanges() throws IOException {
        deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        SiteDiff.Result again = redeploy();
        assertEquals(0, again.changedCount());
        assertEquals(4, again.unchanged());
    }

    @Test
    void renameIsADeletionAndAnAddition() throws IOException {
        deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        Files.move(site.resolve("css/site.css"), site.resolve("css/main.css"));

        SiteDiff.Result renamed = redeploy();
        assertEquals(List.of("css/main.css"), renamed.added());
        assertEquals(List.of("css/site.css"), renamed.deleted());
    }

    @Test
    void emptyDirectoriesDeployNothing() throws IOException {
        Files.createDirectories(site.resolve("empty/deeper"));
        SiteDiff.Result first = deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        assertEquals(4, first.added().size());
    }

    @Test
    void includesAndExcludesChooseTheFiles() throws IOException {
        SiteDiff.Result html = deploy(Optional.empty(), AntPatterns.of(List.of("**/*.html"), List.of("docs/caf*")));
        assertEquals(List.of("docs/index.html", "index.html"), html.added());
    }

    @Test
    void symbolicLinksAreFollowedAndBrokenOnesSkipped() throws IOException {
        Path shared = dir.resolve("shared");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("logo.svg"), "<svg/>");
        Files.createSymbolicLink(site.resolve("assets"), shared);
        Files.createSymbolicLink(site.resolve("home.html"), site.resolve("index.html"));
        Files.createSymbolicLink(site.resolve("gone.html"), dir.resolve("nowhere.html"));

        SiteDiff.Result first = deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));

        assertTrue(
                first.added().containsAll(List.of("assets/logo.svg", "home.html")),
                first.added().toString());
        assertTrue(!first.added().contains("gone.html"));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Skipping gone.html: it is a symbolic link to"), warnings.get(0));

        Files.writeString(shared.resolve("logo.svg"), "<svg></svg>");
        assertEquals(List.of("assets/logo.svg"), redeploy().modified());
    }

    @Test
    void aLinkLoopIsAnError() throws IOException {
        Files.createSymbolicLink(site.resolve("docs/loop"), site);
        IOException e =
                assertThrows(IOException.class, () -> deploy(Optional.empty(), AntPatterns.of(List.of(), List.of())));
        assertTrue(e.getMessage().contains("symbolic link loop"), e.getMessage());
    }

    @Test
    void manyFilesKeepTheirOrderThroughTheParallelWindow() throws IOException {
        for (int i = 0; i < 700; i++) {
            write("many/" + (i % 7) + "/f" + i + ".txt", "content " + i);
        }
        deploy(Optional.empty(), AntPatterns.of(List.of(), List.of()));
        write("many/3/f10.txt", "changed");
        write("many/6/f699.txt", "changed");

        SiteDiff.Result second = redeploy();
        assertEquals(List.of("many/3/f10.txt", "many/6/f699.txt"), second.modified());
        assertEquals(704 - 2, second.unchanged());
    }
}
