package io.github.cloudfrontmavenplugin.rollback;

import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import io.github.cloudfrontmavenplugin.publish.BucketLocation;
import io.github.cloudfrontmavenplugin.publish.ObjectHead;
import io.github.cloudfrontmavenplugin.publish.PublishedObjects;
import io.github.cloudfrontmavenplugin.publish.RemoteObject;
import io.github.cloudfrontmavenplugin.publish.UploadPlan;
import io.github.cloudfrontmavenplugin.publish.UploadPlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Decides what a rollback changes, from the state a kept deploy recorded, the bucket's listing and the record of
 * published objects: each key of that state whose object now differs is restored from its recorded version, each key
 * the state does not have is deleted, the rest stays. An object differs when its ETag does, or when the record does
 * not vouch that this very object carries the state's headers (S3 keeps the ETag when only the headers change).
 */
public final class RestorePlanner {
    /** The version to copy onto a key, and what HeadObject said of it. */
    public record Version(String versionId, ObjectHead head) {}

    private final BucketLocation location;
    private final AntPatterns filter;
    private final Set<String> protectedKeys;

    /**
     * @param filter the includes and excludes: an object whose path it does not match is never deleted, as by a sync
     * @param protectedKeys keys never deleted, such as the manifest's when it lives under the prefix
     */
    public RestorePlanner(BucketLocation location, AntPatterns filter, Set<String> protectedKeys) {
        this.location = location;
        this.filter = filter;
        this.protectedKeys = Set.copyOf(protectedKeys);
    }

    /** The keys of {@code target} whose object is missing or differs, in key order. */
    public Set<String> keysToRestore(
            SortedMap<String, ObjectState> target, Map<String, RemoteObject> listing, PublishedObjects record) {
        Set<String> keys = new TreeSet<>();
        target.forEach((key, state) -> {
            RemoteObject remote = listing.get(key);
            boolean same = remote != null
                    && remote.etag().equals(state.etag())
                    && record.get(key)
                            .map(entry -> entry.etag().equals(remote.etag())
                                    && entry.headers().equals(state.headers()))
                            .orElse(false);
            if (!same) {
                keys.add(key);
            }
        });
        return keys;
    }

    /**
     * @param versions for each key of {@link #keysToRestore}, the version to copy onto it: the caller made sure each
     *     still exists
     */
    public UploadPlan plan(
            SortedMap<String, ObjectState> target,
            Map<String, RemoteObject> listing,
            PublishedObjects record,
            Map<String, Version> versions) {
        Set<String> restore = keysToRestore(target, listing, record);
        List<UploadPlan.Upload> assets = new ArrayList<>();
        List<UploadPlan.Upload> pages = new ArrayList<>();
        Map<String, PublishedObjects.Entry> unchanged = new HashMap<>();
        target.forEach((key, state) -> {
            if (!restore.contains(key)) {
                unchanged.put(key, new PublishedObjects.Entry(state.etag(), state.sha256(), state.headers()));
                return;
            }
            Version version = versions.get(key);
            if (version == null) {
                throw new IllegalArgumentException("no version for " + key + ", which keysToRestore named");
            }
            UploadPlan.Upload upload = UploadPlan.Upload.restore(
                    location.relativePathOf(key),
                    key,
                    state.size(),
                    state.sha256(),
                    version.head().headers(),
                    version.versionId());
            // The version's own Content-Type says whether it is a page: pages go up once every asset is back.
            (version.head().headers().isPage() ? pages : assets).add(upload);
        });
        List<UploadPlan.Delete> deletes =
                UploadPlanner.deletes(location, listing, target.keySet(), protectedKeys, filter);
        return new UploadPlan(location, assets, pages, deletes, unchanged);
    }
}
