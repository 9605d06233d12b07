package io.github.cloudfrontmavenplugin.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Apache Tika's rules for a file's type by its name, read from {@code content-types.txt}: the exact names, the
 * extensions and the patterns of Tika's table, as Tika's own {@code Patterns} holds them. Parsing Tika's XML table at run
 * time cost a fifth of a second of CPU and, on two cores, made the JIT compile the JDK's XML scanner; this table is
 * generated from Tika by {@code ContentTypeTableTest}, which fails when a Tika upgrade changes any answer.
 */
final class ContentTypeTable {
    static final String RESOURCE = "content-types.txt";
    static final String OCTET_STREAM = "application/octet-stream";

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> extensions = new HashMap<>();
    private final Map<Pattern, String> globs = new LinkedHashMap<>();
    private int minExtensionLength = Integer.MAX_VALUE;
    private int maxExtensionLength;

    private ContentTypeTable() {}

    static ContentTypeTable load() {
        ContentTypeTable table = new ContentTypeTable();
        try (InputStream in = ContentTypeTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin's jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    throw new IllegalStateException(RESOURCE + " has a line of " + fields.length + " fields: " + line);
                }
                table.add(fields[0], fields[1], fields[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    private void add(String kind, String pattern, String type) {
        switch (kind) {
            case "name" -> names.put(pattern, type);
            case "extension" -> {
                extensions.put(pattern, type);
                minExtensionLength = Math.min(minExtensionLength, pattern.length());
                maxExtensionLength = Math.max(maxExtensionLength, pattern.length());
            }
            case "regex" -> globs.put(Pattern.compile(pattern), type);
            default -> throw new IllegalStateException(RESOURCE + " has a line of kind " + kind);
        }
    }

    /**
     * The type Tika's {@code MimeTypes.detect} gives a file of this name without its content.
     *
     * @param fileName a name without {@code /}
     */
    String typeOf(String fileName) {
        String name;
        try {
            // As Tika: the name read as a URI, its %-escapes decoded, a fragment or query left out. Without a slash, a
            // name with a scheme (c:x.html) is an opaque URI, without a path, which Tika reads as no name at all.
            String path = new URI(fileName).getPath();
            if (path == null) {
                return OCTET_STREAM;
            }
            // An escaped slash (a%2Fb.html) is a slash once decoded: what follows the last one is the name.
            int slash = path.lastIndexOf('/');
            if (slash + 1 >= path.length()) {
                return OCTET_STREAM;
            }
            name = path.substring(slash + 1);
        } catch (URISyntaxException e) {
            name = fileName;
        }
        String type = matches(name);
        if (type == null) {
            type = matches(name.toLowerCase(Locale.ENGLISH));
        }
        return type == null ? OCTET_STREAM : type;
    }

    /** As Tika's {@code Patterns.matches}: the exact name, then the longest extension, then the patterns in order. */
    private String matches(String name) {
        String exact = names.get(name);
        if (exact != null) {
            return exact;
        }
        for (int n = Math.min(maxExtensionLength, name.length()); n >= minExtensionLength; n--) {
            String type = extensions.get(name.substring(name.length() - n));
            if (type != null) {
                return type;
            }
        }
        for (Map.Entry<Pattern, String> glob : globs.entrySet()) {
            if (glob.getKey().matcher(name).matches()) {
                return glob.getValue();
            }
        }
        return null;
    }
}
