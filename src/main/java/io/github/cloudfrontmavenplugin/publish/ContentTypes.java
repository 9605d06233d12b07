package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.mime.MediaType;

/**
 * The {@code Content-Type} of a file by its name: Apache Tika's maintained table (read from the rules generated from it,
 * {@link ContentTypeTable}), with the few web types it still gets wrong or leaves generic (fonts, source maps), and
 * {@code ; charset=utf-8} on text.
 */
public final class ContentTypes {
    /** Where Tika 3.2 answers application/octet-stream or a pre-standard type for what browsers load. */
    private static final Map<String, String> WEB = Map.of(
            "woff", "font/woff",
            "woff2", "font/woff2",
            "ttf", "font/ttf",
            "otf", "font/otf",
            "map", "application/json",
            "mjs", "text/javascript",
            "webmanifest", "application/manifest+json");

    private ContentTypes() {}

    /**
     * Tika's rules as generated from its table, in a class of its own: initialising {@code ContentTypes} to call
     * {@link #loadInBackground} must not load them on the caller's thread.
     */
    private static final class Generated {
        static final ContentTypeTable TABLE = ContentTypeTable.load();
    }

    /**
     * Loads the table of types on a thread of its own, so that it is ready when a sync plans.
     *
     * @return the thread, for the caller to join before its step ends (the loading cannot be stopped; it is short)
     */
    public static JoinedThreads loadInBackground() {
        JoinedThreads threads = new JoinedThreads("cloudfront-content-types");
        threads.newThread(() -> of("index.html")).start();
        return threads;
    }

    /** For a file name such as {@code app.js}: {@code text/javascript; charset=utf-8}. */
    public static String of(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = WEB.get(extension);
        if (type == null) {
            type = Generated.TABLE.typeOf(name);
        }
        return isText(type) ? type + "; charset=utf-8" : type;
    }

    /** Whether browsers read the type as characters, so that the charset matters. */
    static boolean isText(String type) {
        MediaType media = MediaType.parse(type);
        if (media == null) {
            return false;
        }
        String subtype = media.getSubtype();
        return media.getType().equals("text")
                || subtype.endsWith("+xml")
                || subtype.endsWith("+json")
                || subtype.equals("json")
                || subtype.equals("xml")
                || subtype.equals("javascript");
    }
}
