package io.github.cloudfrontmavenplugin.diff;

import static io.github.cloudfrontmavenplugin.diff.HashedSiteTest.line;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy's comparison from the site hashed ahead of it: every kind of change, a first deploy, an empty site, and
 * the manifest it records, byte for byte as computed apart from the code under test.
 */
class DeployDiffTest {
    private static final String FIRST_SITE = ManifestFormat.HEADER + "\n" + line("css/site.css", "body{}")
            + line("docs/guide.html", "guide") + line("docs/index.html", "docs") + line("index.html", "home");
    private static final String SECOND_SITE = ManifestFormat.HEADER + "\n" + line("blog/first.html", "hello")
            + line("docs/guide.html", "guide") + line("docs/index.html", "docs, second edition")
            + line("index.html", "home");

    @TempDir
    Path dir;

    private Path site;
    private Path manifest;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void createSite() throws IOException {
        site = dir.resolve("site");
        manifest = dir.resolve("state/manifest.txt");
        Files.createDirectories(manifest.getParent());
        write("index.html", "home");
        write("docs/index.html", "docs");
        write("docs/guide.html", "guide");
        write("css/site.css", "body{}");
    }

    private void write(String relative, String content) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private DiffSettings settings(OnMissingManifest onMissing) throws UserFixableException {
        return new DiffSettings(
                site,
                SiteUrls.of("/", "index.html"),
                AntPatterns.of(List.of(), List.of()),
                manifest.toString(),
                onMissing,
                null);
    }

    private DeployDiff compute(OnMissingManifest onMissing) throws UserFixableException {
        DiffSettings settings = settings(onMissing);
        return DeployDiff.compute(settings, HashedSite.start(settings, 2, warnings::add));
    }

    private static String manifestOf(List<ManifestEntry> entries) {
        StringBuilder manifest = new StringBuilder(ManifestFormat.HEADER + "\n");
        entries.forEach(entry -> manifest.append(new String(ManifestFormat.line(entry), StandardCharsets.UTF_8)));
        return manifest.toString();
    }

    private void deployAndRecord() throws UserFixableException {
        try (DeployDiff diff = compute(OnMissingManifest.ALL)) {
            diff.commit();
        }
    }

    @Test
    void aFirstDeployFindsNoManifestAndRecordsEveryFile() throws Exception {
        try (DeployDiff diff = compute(OnMissingManifest.ALL)) {
            assertEquals(Optional.empty(), diff.result());
            assertEquals(
                    "No manifest at " + manifest + " yet (first deploy): onMissingManifest is all", diff.summary());
            assertEquals(FIRST_SITE, manifestOf(diff.siteFiles()));
            assertEquals(Optional.empty(), diff.unchangedByUrlDirectory());
            assertTrue(diff.manifestChanges());
            diff.commit();
        }

        assertEquals(FIRST_SITE, Files.readString(manifest));
    }

    @Test
    void aSecondDeployFindsEachKindOfChangeAndRecordsTheSiteAsItIs() throws Exception {
        deployAndRecord();
        write("docs/index.html", "docs, second edition");
        write("blog/first.html", "hello");
        Files.delete(site.resolve("css/site.css"));

        try (DeployDiff diff = compute(OnMissingManifest.ALL)) {
            SiteDiff.Result result = diff.result().orElseThrow();
            assertEquals(List.of("blog/first.html"), result.added());
            assertEquals(List.of("docs/index.html"), result.modified());
            assertEquals(List.of("css/site.css"), result.deleted());
            assertEquals(2, result.unchanged());
            assertEquals(Map.of("", 1L, "docs/", 1L), result.unchangedByDirectory());
            assertEquals(
                    "Compared " + site + " with the manifest " + manifest + ": 1 added, 1 modified, 1 deleted,"
                            + " 2 unchanged",
                    diff.summary());
            assertEquals(SECOND_SITE, manifestOf(diff.siteFiles()));
            diff.commit();
        }

        assertEquals(SECOND_SITE, Files.readString(manifest));
    }

    @Test
    void anEmptySiteDeletesEverythingItDeployedBefore() throws Exception {
        deployAndRecord();
        try (var files = Files.walk(site)) {
            files.filter(Files::isRegularFile).forEach(file -> file.toFile().delete());
        }

        try (DeployDiff diff = compute(OnMissingManifest.ALL)) {
            SiteDiff.Result result = diff.result().orElseThrow();
            assertEquals(List.of(), result.added());
            assertEquals(List.of(), result.modified());
            assertEquals(List.of("css/site.css", "docs/guide.html", "docs/index.html", "index.html"), result.deleted());
            assertEquals(0, result.unchanged());
            assertEquals(Map.of(), result.unchangedByDirectory());
            assertEquals(List.of(), diff.siteFiles());
            diff.commit();
        }

        assertEquals(ManifestFormat.HEADER + "\n", Files.readString(manifest));
    }

    @Test
    void aComparisonThatFailsStopsTheHashingAndDeletesItsFile() throws UserFixableException {
        DiffSettings settings = settings(OnMissingManifest.FAIL);
        HashedSite hashed = HashedSite.start(settings, 2, warnings::add);

        UserFixableException e = assertThrows(UserFixableException.class, () -> DeployDiff.compute(settings, hashed));

        assertTrue(e.getMessage().startsWith("There is no manifest at " + manifest + " and <onMissingManifest>"));
        assertEquals(0, LeftBehind.threadsNamed("cloudfront-hash"), "a hashing thread outlived the failure");
        assertFalse(Files.exists(hashed.file().getParent()), "the hashed site outlived the failure");
    }

    @Test
    void aFailureWhileHashingSaysWhatTheComparisonCouldNotDo() throws IOException {
        Files.createSymbolicLink(site.resolve("docs/loop"), site);

        UserFixableException e = assertThrows(UserFixableException.class, () -> compute(OnMissingManifest.ALL));

        assertTrue(
                e.getMessage()
                        .startsWith("Cannot compare " + site + " with the manifest " + manifest
                                + ": The site contains a symbolic link loop: "),
                e.getMessage());
    }
}
