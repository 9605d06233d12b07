package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.ManifestEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalLinksTest {
    @TempDir
    Path temp;

    private static final String SHA = "a".repeat(64);

    private Path siteWithLinkTo(Path target) throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.createSymbolicLink(site.resolve("secrets"), target);
        return site;
    }

    @Test
    void aLinkOutOfTheSiteFailsNamingTheLinkAndItsTarget() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("home/.aws"));
        Files.writeString(outside.resolve("credentials"), "x");
        Path site = siteWithLinkTo(outside);
        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> PlanUploads.localFiles(
                        site,
                        List.of(
                                new ManifestEntry("index.html", 4, SHA),
                                new ManifestEntry("secrets/credentials", 1, SHA)),
                        false));
        assertTrue(
                e.getMessage().contains(site.resolve("secrets") + " is a symbolic link to " + outside), e.getMessage());
        assertTrue(e.getMessage().contains("<followExternalLinks> (cloudfront.followExternalLinks)"), e.getMessage());
    }

    @Test
    void aLinkWithinTheSiteIsPublished() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.createDirectories(site.resolve("v2"));
        Files.writeString(site.resolve("v2/a.html"), "a");
        Files.createSymbolicLink(site.resolve("latest"), site.resolve("v2"));
        List<UploadPlanner.LocalFile> files =
                PlanUploads.localFiles(site, List.of(new ManifestEntry("latest/a.html", 1, SHA)), false);
        assertEquals("latest/a.html", files.get(0).relativePath());
    }

    @Test
    void followExternalLinksPublishesWhatTheLinkPointsTo() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("shared"));
        Files.writeString(outside.resolve("logo.svg"), "<svg/>");
        Path site = siteWithLinkTo(outside);
        List<UploadPlanner.LocalFile> files =
                PlanUploads.localFiles(site, List.of(new ManifestEntry("secrets/logo.svg", 6, SHA)), true);
        assertEquals(1, files.size());
    }
}
