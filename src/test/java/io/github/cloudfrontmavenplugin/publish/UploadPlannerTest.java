package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadPlannerTest {
    private static final BucketLocation WWW = new BucketLocation("www", "site/");
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private final List<String> md5Asked = new ArrayList<>();

    private static UploadPlanner.LocalFile file(String path, long size, String sha256) {
        return new UploadPlanner.LocalFile(path, Path.of("/site", path), size, sha256);
    }

    private static HeaderRules rules(PublishRule... rules) throws UserFixableException {
        return HeaderRules.of(List.of(rules), "cache-tag");
    }

    private static PublishRule cacheControl(String pattern, String value) {
        return new PublishRule(
                AntPatterns.of(List.of(pattern), List.of()),
                Optional.of(value),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                List.of());
    }

    private static UploadPlanner planner(HeaderRules rules) {
        return new UploadPlanner(WWW, rules, AntPatterns.of(List.of(), List.of()), true, Set.of());
    }

    private UploadPlan plan(
            UploadPlanner planner,
            List<UploadPlanner.LocalFile> files,
            List<RemoteObject> listing,
            PublishedObjects record,
            Map<String, ObjectHead> heads)
            throws Exception {
        Map<String, RemoteObject> byKey = new HashMap<>();
        listing.forEach(remote -> byKey.put(remote.key(), remote));
        return planner.plan(planner.objectsOf(files), byKey, record, heads, local -> {
            md5Asked.add(local.relativePath());
            return "0cc175b9c0f1b6a831c399e269772661";
        });
    }

    private static PublishedObjects recorded(String key, String etag, String sha256, ObjectHeaders headers) {
        return new PublishedObjects(Map.of(key, new PublishedObjects.Entry(etag, sha256, headers.fingerprint())));
    }

    @Test
    void filesTheBucketLacksAreUploadedAssetsBeforePages() throws Exception {
        UploadPlan plan = plan(
                planner(rules()),
                List.of(file("index.html", 10, A), file("app.js", 5, B)),
                List.of(),
                PublishedObjects.NONE,
                Map.of());
        assertEquals(
                List.of("site/app.js"),
                plan.assets().stream().map(UploadPlan.Upload::key).toList());
        assertEquals(
                List.of("site/index.html"),
                plan.pages().stream().map(UploadPlan.Upload::key).toList());
        assertEquals("text/html; charset=utf-8", plan.pages().get(0).headers().contentType());
        assertEquals(UploadPlan.Reason.NEW, plan.pages().get(0).reason());
    }

    @Test
    void anObjectTheRecordVouchesForNeedsNoHeadAndIsUnchanged() throws Exception {
        HeaderRules rules = rules();
        ObjectHeaders headers = rules.headersFor("app.js");
        PublishedObjects record = recorded("site/app.js", "e1", A, headers);
        UploadPlanner planner = planner(rules);
        List<UploadPlanner.LocalFile> files = List.of(file("app.js", 5, A));
        Map<String, RemoteObject> listing = Map.of("site/app.js", new RemoteObject("site/app.js", 5, "\"e1\""));
        assertEquals(Set.of(), planner.keysToInspect(planner.objectsOf(files), listing, record));
        UploadPlan plan = plan(planner, files, List.copyOf(listing.values()), record, Map.of());
        assertTrue(plan.isEmpty());
        assertEquals(Set.of("site/app.js"), plan.unchanged().keySet());
    }

    @Test
    void changedContentIsUploadedAgain() throws Exception {
        HeaderRules rules = rules();
        PublishedObjects record = recorded("site/app.js", "e1", A, rules.headersFor("app.js"));
        UploadPlan plan = plan(
                planner(rules),
                List.of(file("app.js", 5, B)),
                List.of(new RemoteObject("site/app.js", 5, "e1")),
                record,
                Map.of());
        assertEquals(1, plan.assets().size());
        assertEquals(UploadPlan.Kind.PUT, plan.assets().get(0).kind());
        assertEquals(UploadPlan.Reason.CHANGED, plan.assets().get(0).reason());
    }

    @Test
    void aChangedRuleCopiesOnlyTheObjectsItMatchesWithNewHeaders() throws Exception {
        HeaderRules before = rules(cacheControl("**/*.js", "max-age=60"));
        HeaderRules after = rules(cacheControl("**/*.js", "max-age=31536000, immutable"));
        Map<String, PublishedObjects.Entry> entries = new HashMap<>();
        entries.put(
                "site/app.js",
                new PublishedObjects.Entry("e1", A, before.headersFor("app.js").fingerprint()));
        entries.put(
                "site/a.css",
                new PublishedObjects.Entry("e2", B, before.headersFor("a.css").fingerprint()));
        UploadPlan plan = plan(
                planner(after),
                List.of(file("app.js", 5, A), file("a.css", 5, B)),
                List.of(new RemoteObject("site/app.js", 5, "e1"), new RemoteObject("site/a.css", 5, "e2")),
                new PublishedObjects(entries),
                Map.of());
        assertEquals(
                List.of("site/app.js"),
                plan.assets().stream().map(UploadPlan.Upload::key).toList());
        assertEquals(UploadPlan.Kind.COPY, plan.assets().get(0).kind());
        assertEquals(0, plan.bytesToSend());
    }

    @Test
    void anObjectChangedInTheBucketIsRepairedAfterAHeadShowsOtherContent() throws Exception {
        HeaderRules rules = rules();
        ObjectHeaders headers = rules.headersFor("app.js");
        PublishedObjects record = recorded("site/app.js", "e1", A, headers);
        UploadPlanner planner = planner(rules);
        List<UploadPlanner.LocalFile> files = List.of(file("app.js", 5, A));
        Map<String, RemoteObject> listing = Map.of("site/app.js", new RemoteObject("site/app.js", 5, "e-by-hand"));
        assertEquals(Set.of("site/app.js"), planner.keysToInspect(planner.objectsOf(files), listing, record));
        UploadPlan plan = plan(
                planner,
                files,
                List.copyOf(listing.values()),
                record,
                Map.of("site/app.js", new ObjectHead("e-by-hand", headers, Optional.of(B))));
        assertEquals(UploadPlan.Reason.REPAIRED, plan.assets().get(0).reason());
        assertEquals(UploadPlan.Kind.PUT, plan.assets().get(0).kind());
    }

    @Test
    void aMultipartObjectIsComparedByTheHashInItsMetadataNotItsEtag() throws Exception {
        HeaderRules rules = rules();
        ObjectHeaders headers = rules.headersFor("video.mp4");
        UploadPlan plan = plan(
                planner(rules),
                List.of(file("video.mp4", 20L << 20, A)),
                List.of(new RemoteObject("site/video.mp4", 20L << 20, "9b2cf535f27731c974343645a3985328-2")),
                PublishedObjects.NONE,
                Map.of("site/video.mp4", new ObjectHead("x-2", headers, Optional.of(A))));
        assertTrue(plan.isEmpty(), plan.toString());
        assertEquals(List.of(), md5Asked);
    }

    @Test
    void anObjectAnotherToolPutIsKeptWhenItsMd5EtagAndHeadersMatch() throws Exception {
        HeaderRules rules = rules();
        UploadPlan plan = plan(
                planner(rules),
                List.of(file("a.txt", 1, A)),
                List.of(new RemoteObject("site/a.txt", 1, "0cc175b9c0f1b6a831c399e269772661")),
                PublishedObjects.NONE,
                Map.of("site/a.txt", new ObjectHead("x", rules.headersFor("a.txt"), Optional.empty())));
        assertTrue(plan.isEmpty(), plan.toString());
        assertEquals(List.of("a.txt"), md5Asked);
    }

    @Test
    void aContentTypeTheServerSpellsDifferentlyIsTheSameHeader() throws Exception {
        HeaderRules rules = rules();
        ObjectHeaders wanted = rules.headersFor("index.html");
        ObjectHeaders spelled = new ObjectHeaders(
                "text/html;charset=UTF-8",
                wanted.cacheControl(),
                wanted.contentEncoding(),
                wanted.contentDisposition(),
                wanted.metadata());
        UploadPlan plan = plan(
                planner(rules),
                List.of(file("index.html", 1, A)),
                List.of(new RemoteObject("site/index.html", 1, "x-1")),
                PublishedObjects.NONE,
                Map.of("site/index.html", new ObjectHead("x-1", spelled, Optional.of(A))));
        assertTrue(plan.isEmpty(), plan.toString());
    }

    @Test
    void anObjectAnotherToolPutWithOtherHeadersGetsTheRulesHeadersByCopy() throws Exception {
        HeaderRules rules = rules(cacheControl("**", "no-cache"));
        ObjectHeaders bare =
                new ObjectHeaders("text/plain", Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        UploadPlan plan = plan(
                planner(rules),
                List.of(file("a.txt", 1, A)),
                List.of(new RemoteObject("site/a.txt", 1, "0cc175b9c0f1b6a831c399e269772661")),
                PublishedObjects.NONE,
                Map.of("site/a.txt", new ObjectHead("x", bare, Optional.empty())));
        assertEquals(1, plan.assets().size(), plan.toString());
        assertEquals(UploadPlan.Kind.COPY, plan.assets().get(0).kind());
        assertEquals(Optional.of("no-cache"), plan.assets().get(0).headers().cacheControl());
    }

    @Test
    void anObjectOfAnotherSizeIsUploadedWithoutAHead() throws Exception {
        UploadPlanner planner = planner(rules());
        List<UploadPlanner.LocalFile> files = List.of(file("a.txt", 2, A));
        Map<String, RemoteObject> listing = Map.of("site/a.txt", new RemoteObject("site/a.txt", 1, "e"));
        assertEquals(Set.of(), planner.keysToInspect(planner.objectsOf(files), listing, PublishedObjects.NONE));
        UploadPlan plan = plan(planner, files, List.copyOf(listing.values()), PublishedObjects.NONE, Map.of());
        assertEquals(1, plan.assets().size());
    }

    @Test
    void objectsTheSiteNoLongerHasAreDeletedExceptExcludedAndProtectedKeys() throws Exception {
        UploadPlanner planner = new UploadPlanner(
                WWW, rules(), AntPatterns.of(List.of(), List.of("downloads/**")), true, Set.of("site/manifest.txt"));
        UploadPlan plan = plan(
                planner,
                List.of(),
                List.of(
                        new RemoteObject("site/old.html", 1, "e"),
                        new RemoteObject("site/downloads/big.zip", 1, "e"),
                        new RemoteObject("site/manifest.txt", 1, "e"),
                        new RemoteObject("other/x.html", 1, "e")),
                PublishedObjects.NONE,
                Map.of());
        assertEquals(List.of(new UploadPlan.Delete("site/old.html", "old.html")), plan.deletes());
        assertEquals(List.of("old.html"), plan.changedPaths());
    }

    @Test
    void nothingIsDeletedWhenDeleteIsOff() throws Exception {
        UploadPlanner planner = new UploadPlanner(WWW, rules(), AntPatterns.of(List.of(), List.of()), false, Set.of());
        UploadPlan plan = plan(
                planner,
                List.of(),
                List.of(new RemoteObject("site/old.html", 1, "e")),
                PublishedObjects.NONE,
                Map.of());
        assertTrue(plan.deletes().isEmpty());
    }

    @Test
    void moreDeletesThanMaxDeletesAreRefusedNamingTheCountAndTheParameter() throws Exception {
        List<RemoteObject> listing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            listing.add(new RemoteObject("site/old" + i + ".html", 1, "e"));
        }
        UploadPlan plan = plan(planner(rules()), List.of(), listing, PublishedObjects.NONE, Map.of());
        plan.checkDeletes(3);
        UserFixableException refused = assertThrows(UserFixableException.class, () -> plan.checkDeletes(2));
        assertTrue(refused.getMessage().contains("delete 3 objects"), refused.getMessage());
        assertTrue(refused.getMessage().contains("<maxDeletes> (cloudfront.maxDeletes) 2"), refused.getMessage());
    }
}
