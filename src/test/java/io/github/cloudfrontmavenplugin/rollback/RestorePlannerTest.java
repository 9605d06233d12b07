package io.github.cloudfrontmavenplugin.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import io.github.cloudfrontmavenplugin.publish.BucketLocation;
import io.github.cloudfrontmavenplugin.publish.ObjectHead;
import io.github.cloudfrontmavenplugin.publish.ObjectHeaders;
import io.github.cloudfrontmavenplugin.publish.PublishedObjects;
import io.github.cloudfrontmavenplugin.publish.RemoteObject;
import io.github.cloudfrontmavenplugin.publish.UploadPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RestorePlannerTest {
    private static final BucketLocation WWW = new BucketLocation("www", "site/");
    private static final String HTML_HEADERS = "html-fingerprint";
    private static final String CSS_HEADERS = "css-fingerprint";

    private final RestorePlanner planner =
            new RestorePlanner(WWW, AntPatterns.of(List.of(), List.of("keep/**")), Set.of("site/manifest.txt"));

    private static ObjectState state(String etag, String headers) {
        return new ObjectState(etag, "s" + etag, 4, headers, Optional.of("v-" + etag));
    }

    private static Map<String, RemoteObject> listing(RemoteObject... objects) {
        Map<String, RemoteObject> byKey = new TreeMap<>();
        for (RemoteObject object : objects) {
            byKey.put(object.key(), object);
        }
        return byKey;
    }

    private static RestorePlanner.Version version(String versionId, String contentType) {
        return new RestorePlanner.Version(
                versionId,
                new ObjectHead(
                        "e",
                        new ObjectHeaders(
                                contentType, Optional.of("no-cache"), Optional.empty(), Optional.empty(), Map.of()),
                        Optional.empty()));
    }

    private final SortedMap<String, ObjectState> target = new TreeMap<>(Map.of(
            "site/index.html", state("old-page", HTML_HEADERS),
            "site/app.css", state("old-css", CSS_HEADERS),
            "site/same.css", state("same", CSS_HEADERS)));

    @Test
    void restoresWhatDiffersAndDeletesWhatTheTargetLacks() {
        Map<String, RemoteObject> now = listing(
                new RemoteObject("site/index.html", 4, "new-page"),
                new RemoteObject("site/same.css", 4, "same"),
                new RemoteObject("site/added.js", 4, "added"),
                new RemoteObject("site/keep/upload.png", 4, "kept by excludes"),
                new RemoteObject("site/manifest.txt", 4, "protected"),
                new RemoteObject("other/outside.txt", 4, "outside the prefix"));
        PublishedObjects record = new PublishedObjects(Map.of(
                "site/same.css", new PublishedObjects.Entry("same", "ssame", CSS_HEADERS),
                "site/index.html", new PublishedObjects.Entry("new-page", "snew", HTML_HEADERS)));

        assertEquals(Set.of("site/index.html", "site/app.css"), planner.keysToRestore(target, now, record));
        UploadPlan plan = planner.plan(
                target,
                now,
                record,
                Map.of(
                        "site/index.html", version("v-old-page", "text/html; charset=utf-8"),
                        "site/app.css", version("v-old-css", "text/css; charset=utf-8")));

        // The css, missing now, is an asset; the page waits for it.
        assertEquals(
                List.of("site/app.css"),
                plan.assets().stream().map(UploadPlan.Upload::key).toList());
        assertEquals(
                List.of("site/index.html"),
                plan.pages().stream().map(UploadPlan.Upload::key).toList());
        UploadPlan.Upload page = plan.pages().get(0);
        assertEquals(UploadPlan.Kind.RESTORE, page.kind());
        assertEquals(Optional.of("v-old-page"), page.sourceVersion());
        assertEquals("index.html", page.relativePath());
        assertEquals("sold-page", page.sha256());
        assertEquals(0, plan.bytesToSend());
        assertEquals(
                List.of("site/added.js"),
                plan.deletes().stream().map(UploadPlan.Delete::key).toList());
        assertEquals(
                Map.of("site/same.css", new PublishedObjects.Entry("same", "ssame", CSS_HEADERS)), plan.unchanged());
        assertEquals(List.of("app.css", "index.html", "added.js"), plan.changedPaths());
    }

    @Test
    void anObjectWithTheSameEtagIsRestoredWhenTheRecordCannotVouchForItsHeaders() {
        Map<String, RemoteObject> now = listing(
                new RemoteObject("site/index.html", 4, "old-page"),
                new RemoteObject("site/app.css", 4, "old-css"),
                new RemoteObject("site/same.css", 4, "same"));
        PublishedObjects record = new PublishedObjects(Map.of(
                // headers changed in place by a later sync: same ETag, other fingerprint
                "site/index.html", new PublishedObjects.Entry("old-page", "sold-page", "newer-rule"),
                // the record names an older object than the one listed
                "site/app.css", new PublishedObjects.Entry("something else", "x", CSS_HEADERS),
                "site/same.css", new PublishedObjects.Entry("same", "ssame", CSS_HEADERS)));

        assertEquals(Set.of("site/index.html", "site/app.css"), planner.keysToRestore(target, now, record));
        assertEquals(
                Set.of("site/same.css", "site/index.html", "site/app.css"),
                planner.keysToRestore(target, now, PublishedObjects.NONE));
    }

    @Test
    void aKeyToRestoreNeedsItsVersion() {
        assertThrows(
                IllegalArgumentException.class, () -> planner.plan(target, Map.of(), PublishedObjects.NONE, Map.of()));
        assertTrue(planner.keysToRestore(new TreeMap<>(), Map.of(), PublishedObjects.NONE)
                .isEmpty());
    }
}
