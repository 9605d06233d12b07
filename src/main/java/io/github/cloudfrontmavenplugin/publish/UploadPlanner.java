package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for each file of the site and each object under the prefix, whether to write, copy, delete or leave it:
 * from the site's content hashes, the rules' headers, the bucket's listing, the record of what was last put, and the
 * heads of the few objects that neither the listing nor the record vouches for. Modification times play no part: a
 * fresh checkout uploads nothing that did not change.
 */
public final class UploadPlanner {
    /** A file of the site and the SHA-256 of its content. */
    public record LocalFile(String relativePath, Path file, long size, String sha256) {}

    /**
     * A file of the site with its key and the headers the rules give it: all a plan needs of the site, decided before
     * the bucket's listing arrives, so that only the comparison waits for it.
     */
    public record SiteObject(LocalFile file, String key, ObjectHeaders headers, String fingerprint) {}

    /** The hex MD5 of a file, computed only where an ETag may prove equal content. */
    @FunctionalInterface
    public interface Md5 {
        String of(LocalFile file) throws IOException;
    }

    private final BucketLocation location;
    private final HeaderRules rules;
    private final AntPatterns filter;
    private final boolean delete;
    private final Set<String> protectedKeys;

    /**
     * @param filter the files of the site considered; an object whose path it does not match is never touched
     * @param protectedKeys keys never deleted, such as the manifest's when it lives under the prefix
     */
    public UploadPlanner(
            BucketLocation location, HeaderRules rules, AntPatterns filter, boolean delete, Set<String> protectedKeys) {
        this.location = location;
        this.rules = rules;
        this.filter = filter;
        this.delete = delete;
        this.protectedKeys = Set.copyOf(protectedKeys);
    }

    /** Each file's key and headers, by the rules. */
    public List<SiteObject> objectsOf(List<LocalFile> files) {
        List<SiteObject> objects = new ArrayList<>(files.size());
        // A site has a few distinct sets of headers, one per content type and rule: each is hashed once.
        Map<ObjectHeaders, String> fingerprints = new HashMap<>();
        for (LocalFile file : files) {
            ObjectHeaders headers = rules.headersFor(file.relativePath());
            objects.add(new SiteObject(
                    file,
                    location.keyOf(file.relativePath()),
                    headers,
                    fingerprints.computeIfAbsent(headers, ObjectHeaders::fingerprint)));
        }
        return objects;
    }

    /**
     * The keys whose HeadObject the plan needs: objects of the same size that the record does not vouch for (never
     * synced by this plugin, or changed since). Everything else is decided from the listing and the record.
     */
    public Set<String> keysToInspect(
            List<SiteObject> site, Map<String, RemoteObject> listing, PublishedObjects record) {
        Set<String> keys = new LinkedHashSet<>();
        for (SiteObject object : site) {
            RemoteObject remote = listing.get(object.key());
            if (remote != null
                    && !vouched(remote, record)
                    && remote.size() == object.file().size()) {
                keys.add(object.key());
            }
        }
        return keys;
    }

    public UploadPlan plan(
            List<SiteObject> site,
            Map<String, RemoteObject> listing,
            PublishedObjects record,
            Map<String, ObjectHead> heads,
            Md5 md5)
            throws IOException {
        List<UploadPlan.Upload> assets = new ArrayList<>();
        List<UploadPlan.Upload> pages = new ArrayList<>();
        Map<String, PublishedObjects.Entry> unchanged = new HashMap<>();
        Set<String> siteKeys = new HashSet<>();
        for (SiteObject object : site) {
            siteKeys.add(object.key());
            Optional<UploadPlan.Upload> upload =
                    decide(object, listing.get(object.key()), record, heads.get(object.key()), md5, unchanged);
            upload.ifPresent(u -> (object.headers().isPage() ? pages : assets).add(u));
        }
        List<UploadPlan.Delete> deletes =
                delete ? deletes(location, listing, siteKeys, protectedKeys, filter) : List.of();
        return new UploadPlan(location, assets, pages, deletes, unchanged);
    }

    /**
     * The objects under the prefix to delete, in key order: those not {@code kept}, except "folder" keys, {@code
     * protectedKeys} and objects outside {@code filter}, which are never touched.
     */
    public static List<UploadPlan.Delete> deletes(
            BucketLocation location,
            Map<String, RemoteObject> listing,
            Set<String> kept,
            Set<String> protectedKeys,
            AntPatterns filter) {
        List<UploadPlan.Delete> deletes = new ArrayList<>();
        for (RemoteObject remote : listing.values()) {
            String key = remote.key();
            String relative = location.relativePathOf(key);
            if (!kept.contains(key)
                    && key.startsWith(location.prefix())
                    && !key.endsWith("/")
                    && !protectedKeys.contains(key)
                    && filter.matches(relative)) {
                deletes.add(new UploadPlan.Delete(key, relative));
            }
        }
        deletes.sort(Comparator.comparing(UploadPlan.Delete::key));
        return deletes;
    }

    private Optional<UploadPlan.Upload> decide(
            SiteObject object,
            RemoteObject remote,
            PublishedObjects record,
            ObjectHead head,
            Md5 md5,
            Map<String, PublishedObjects.Entry> unchanged)
            throws IOException {
        LocalFile file = object.file();
        String key = object.key();
        ObjectHeaders headers = object.headers();
        if (remote == null) {
            return Optional.of(upload(file, key, headers, UploadPlan.Kind.PUT, UploadPlan.Reason.NEW));
        }
        boolean drifted = record.get(key).isPresent() && !vouched(remote, record);
        boolean sameContent;
        boolean sameHeaders;
        if (vouched(remote, record)) {
            PublishedObjects.Entry entry = record.get(key).get();
            sameContent = entry.sha256().equals(file.sha256());
            sameHeaders = entry.headers().equals(object.fingerprint());
        } else if (remote.size() != file.size()) {
            sameContent = false;
            sameHeaders = false;
        } else {
            if (head == null) {
                throw new IllegalArgumentException("no head for " + key + ", which keysToInspect named");
            }
            if (head.sha256().isPresent()) {
                sameContent = head.sha256().get().equals(file.sha256());
            } else {
                sameContent = remote.etagLooksLikeMd5() && remote.etag().equals(md5.of(file));
            }
            sameHeaders = head.headers().sameAs(headers);
        }
        if (!sameContent) {
            UploadPlan.Reason reason = drifted ? UploadPlan.Reason.REPAIRED : UploadPlan.Reason.CHANGED;
            return Optional.of(upload(file, key, headers, UploadPlan.Kind.PUT, reason));
        }
        if (!sameHeaders) {
            UploadPlan.Reason reason = drifted ? UploadPlan.Reason.REPAIRED : UploadPlan.Reason.HEADERS;
            return Optional.of(upload(file, key, headers, UploadPlan.Kind.COPY, reason));
        }
        unchanged.put(key, new PublishedObjects.Entry(remote.etag(), file.sha256(), object.fingerprint()));
        return Optional.empty();
    }

    /** Whether the record knows this very object (same ETag as when the plugin put it). */
    private static boolean vouched(RemoteObject remote, PublishedObjects record) {
        return record.get(remote.key())
                .map(entry -> entry.etag().equals(remote.etag()))
                .orElse(false);
    }

    private static UploadPlan.Upload upload(
            LocalFile file, String key, ObjectHeaders headers, UploadPlan.Kind kind, UploadPlan.Reason reason) {
        return new UploadPlan.Upload(
                file.relativePath(), key, file.file(), file.size(), file.sha256(), headers, kind, reason);
    }
}
