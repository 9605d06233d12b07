package io.github.cloudfrontmavenplugin.diff;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The manifest file, version 1: UTF-8 text, one header line, then one line per deployed file, sorted in
 * {@link PathOrder}:
 *
 * <pre>
 * cloudfront-maven-plugin manifest 1
 * &lt;sha256 hex&gt;&lt;TAB&gt;&lt;size in bytes&gt;&lt;TAB&gt;&lt;relative path&gt;
 * </pre>
 *
 * In paths, a backslash, tab, newline and carriage return are written {@code \\}, {@code \t}, {@code \n} and
 * {@code \r}. Readers refuse other versions, malformed lines and lines out of order, so a damaged manifest is never
 * taken for a smaller or larger deployment.
 */
public final class ManifestFormat {
    public static final String HEADER_PREFIX = "cloudfront-maven-plugin manifest ";
    public static final int VERSION = 1;
    public static final String HEADER = HEADER_PREFIX + VERSION;

    private ManifestFormat() {}

    /** Reads entries one at a time, checking each line as it goes. */
    public static final class Reader implements Closeable {
        private final BufferedReader in;
        private final String name;
        private long lineNumber = 1;
        private String previousPath;

        public Reader(Path file, String name) throws IOException {
            this.in = new BufferedReader(
                    new java.io.InputStreamReader(
                            Files.newInputStream(file),
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)),
                    1 << 16);
            this.name = name;
            String header = readLine();
            if (header == null || !header.startsWith(HEADER_PREFIX)) {
                throw corrupt("does not start with '" + HEADER + "'");
            }
            if (!header.equals(HEADER)) {
                throw corrupt("has format version '" + header.substring(HEADER_PREFIX.length()) + "'; this plugin"
                        + " reads version " + VERSION + " (a newer plugin may have written it)");
            }
        }

        /** @return the next entry, or null at the end */
        public ManifestEntry next() throws IOException {
            String line = readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            int firstTab = line.indexOf('\t');
            int secondTab = firstTab < 0 ? -1 : line.indexOf('\t', firstTab + 1);
            if (firstTab != 64 || secondTab < 0) {
                throw corrupt("line " + lineNumber + " is not '<sha256>\\t<size>\\t<path>'");
            }
            String sha256 = line.substring(0, firstTab);
            if (!isLowerHex(sha256)) {
                throw corrupt("line " + lineNumber + " has no valid SHA-256");
            }
            long size;
            try {
                size = Long.parseLong(line.substring(firstTab + 1, secondTab));
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw corrupt("line " + lineNumber + " has no valid size");
            }
            String path = unescape(line.substring(secondTab + 1));
            if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
                throw corrupt("line " + lineNumber + " has no valid relative path");
            }
            if (previousPath != null && PathOrder.INSTANCE.compare(previousPath, path) >= 0) {
                throw corrupt("line " + lineNumber + " ('" + path + "') is out of order or repeated");
            }
            previousPath = path;
            return new ManifestEntry(path, size, sha256);
        }

        private String readLine() throws IOException {
            try {
                return in.readLine();
            } catch (CharacterCodingException e) {
                throw corrupt("is not UTF-8 text (near line " + (lineNumber + 1) + ")");
            }
        }

        private CorruptManifestException corrupt(String problem) {
            return new CorruptManifestException("The manifest " + name + " " + problem + ".");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes entries, which must come in {@link PathOrder}. */
    public static final class Writer implements Closeable {
        private final BufferedWriter out;

        public Writer(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.write('\n');
        }

        public void write(ManifestEntry entry) throws IOException {
            out.write(entry.sha256());
            out.write('\t');
            out.write(Long.toString(entry.size()));
            out.write('\t');
            out.write(escape(entry.path()));
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    static String escape(String path) {
        if (path.indexOf('\\') < 0 && path.indexOf('\t') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
            return path;
        }
        return path.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
