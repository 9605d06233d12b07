package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.diff.RecordLines;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the plugin last put in the bucket, kept next to the manifest: for each key, the ETag S3 gave it, the SHA-256 of
 * its content and the fingerprint of its headers. Where the listing still shows that ETag the object is exactly what
 * was put, so a second sync compares content and headers without a HeadObject per file; where it does not (changed by
 * hand, another tool, a lost record), the sync looks closer. A stale record is therefore harmless, and it is written
 * after every publish, whether or not CloudFront later accepts the invalidation.
 *
 * <pre>
 * cloudfront-maven-plugin objects 1
 * &lt;etag&gt;&lt;TAB&gt;&lt;sha256&gt;&lt;TAB&gt;&lt;headers fingerprint&gt;&lt;TAB&gt;&lt;key&gt;
 * </pre>
 *
 * The key is written as {@link RecordLines} says, as the manifest's paths are.
 */
public final class PublishedObjects {
    static final String HEADER = "cloudfront-maven-plugin objects 1";

    /** One object as it was put. */
    public record Entry(String etag, String sha256, String headers) {}

    private final Map<String, Entry> entries;

    public PublishedObjects(Map<String, Entry> entries) {
        this.entries = new TreeMap<>(entries);
    }

    public static final PublishedObjects NONE = new PublishedObjects(Map.of());

    public Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** An unreadable record is no record: the sync then looks closer at every object, as on a first run. */
    public static PublishedObjects read(Path file) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                return NONE;
            }
            String line;
            while ((line = in.readLine()) != null) {
                Optional<List<String>> fields = RecordLines.fields(line, 4);
                if (fields.isEmpty()) {
                    return NONE;
                }
                List<String> f = fields.get();
                entries.put(f.get(3), new Entry(f.get(0), f.get(1), f.get(2)));
            }
        }
        return new PublishedObjects(entries);
    }

    public void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                Entry e = entry.getValue();
                out.write(RecordLines.line(List.of(e.etag(), e.sha256(), e.headers()), entry.getKey()));
            }
        }
    }
}
