package io.github.cloudfrontmavenplugin.diff;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The manifest file, version 1: UTF-8 text, one header line, then one line per deployed file, sorted in
 * {@link PathOrder}:
 *
 * <pre>
 * cloudfront-maven-plugin manifest 1
 * &lt;sha256 hex&gt;&lt;TAB&gt;&lt;size in bytes&gt;&lt;TAB&gt;&lt;relative path&gt;
 * </pre>
 *
 * Paths are written as {@link RecordLines} says (backslash, tab, newline and carriage return escaped). Readers refuse
 * other versions, malformed lines and lines out of order, so a damaged manifest is never taken for a smaller or larger
 * deployment.
 */
public final class ManifestFormat {
    public static final String HEADER_PREFIX = "cloudfront-maven-plugin manifest ";
    public static final int VERSION = 1;
    public static final String HEADER = HEADER_PREFIX + VERSION;

    private ManifestFormat() {}

    /**
     * Reads entries one at a time, checking each line as it goes. Lines end as for {@link
     * java.io.BufferedReader#readLine}: at {@code \n}, {@code \r} or {@code \r\n}.
     *
     * <p>It reads bytes, not characters, and makes a line's text itself: so that {@link #skipIfNextIs} can compare
     * an unchanged file's line as bytes, and so that a line of ASCII, almost every line, becomes a string by a plain
     * copy; only other lines go through a UTF-8 decoder. A second deploy reads the whole manifest while the cores
     * are busy hashing, and a {@link java.io.BufferedReader} that decoded every byte and parsed every line made it
     * slower than a first deploy.
     */
    public static final class Reader implements Closeable {
        private final InputStream in;
        private final String name;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] buffer = new byte[1 << 16];
        /** Where the unread bytes start in the buffer. */
        private int position;
        /** Where the bytes read from the file end in the buffer. */
        private int limit;
        /** Whether the file has no more bytes to read. */
        private boolean ended;
        /** The number of the last line read, the header being 1. */
        private long lineNumber;

        private String previousPath;

        public Reader(Path file, String name) throws IOException {
            this.in = Files.newInputStream(file);
            this.name = name;
            try {
                String header = readLine();
                if (header == null || !header.startsWith(HEADER_PREFIX)) {
                    throw corrupt("does not start with '" + HEADER + "'");
                }
                if (!header.equals(HEADER)) {
                    throw corrupt("has format version '" + header.substring(HEADER_PREFIX.length()) + "'; this"
                            + " plugin reads version " + VERSION + " (a newer plugin may have written it)");
                }
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }

        /** @return the next entry, or null at the end */
        public ManifestEntry next() throws IOException {
            String line = readLine();
            if (line == null) {
                return null;
            }
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
                size = Long.parseLong(line, firstTab + 1, secondTab, 10);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw corrupt("line " + lineNumber + " has no valid size");
            }
            String path = RecordLines.unescape(line.substring(secondTab + 1));
            if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
                throw corrupt("line " + lineNumber + " has no valid relative path");
            }
            if (previousPath != null && PathOrder.INSTANCE.compare(previousPath, path) >= 0) {
                throw corrupt("line " + lineNumber + " ('" + path + "') is out of order or repeated");
            }
            previousPath = path;
            return new ManifestEntry(path, size, sha256);
        }

        /**
         * Consumes the next line if its bytes are exactly {@code line}, the {@link #line} of an entry for {@code
         * path}. On a second deploy most files are unchanged and their lines are the same bytes as before, so they are
         * compared without being parsed; a line this format wrote needs no check but its order.
         *
         * @return whether it was; if not, nothing is consumed, and {@link #next} reads the line (and reports what is
         *     wrong with it)
         */
        boolean skipIfNextIs(String path, byte[] line) throws IOException {
            while (limit - position < line.length) {
                if (!fill()) {
                    return false;
                }
            }
            if (!Arrays.equals(buffer, position, position + line.length, line, 0, line.length)
                    || previousPath != null && PathOrder.INSTANCE.compare(previousPath, path) >= 0) {
                return false;
            }
            position += line.length;
            lineNumber++;
            previousPath = path;
            return true;
        }

        /** @return the next line without its end, or null at the end of the file */
        private String readLine() throws IOException {
            int end = position;
            boolean ascii = true;
            while (true) {
                if (end == limit) {
                    int scanned = end - position;
                    if (!fill()) {
                        if (scanned == 0) {
                            return null;
                        }
                        String last = text(position, limit, ascii);
                        position = limit;
                        return last;
                    }
                    end = position + scanned;
                }
                byte b = buffer[end];
                if (b == '\n' || b == '\r') {
                    break;
                }
                ascii &= b >= 0;
                end++;
            }
            String line = text(position, end, ascii);
            position = end + 1;
            if (buffer[end] == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
            return line;
        }

        /**
         * Moves the unread bytes to the start of the buffer, growing it if they fill it, and reads more after them.
         *
         * @return false at the end of the file
         */
        private boolean fill() throws IOException {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            if (ended) {
                return false;
            }
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                ended = true;
                return false;
            }
            limit += read;
            return true;
        }

        /** The text of the next line, which is in the buffer from {@code start} to {@code end}. */
        private String text(int start, int end, boolean ascii) throws CorruptManifestException {
            lineNumber++;
            if (ascii) {
                return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
            }
            try {
                return utf8.decode(ByteBuffer.wrap(buffer, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                throw corrupt("is not UTF-8 text (near line " + lineNumber + ")");
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

    /**
     * The line of an entry, with its end, in UTF-8: what the {@link Writer} writes, and what {@link
     * Reader#skipIfNextIs} looks for. It is made as one string and encoded at once, which for ASCII is a plain copy (a
     * {@link java.io.Writer} would encode it character by character).
     */
    static byte[] line(ManifestEntry entry) {
        String path = RecordLines.escape(entry.path());
        return new StringBuilder(path.length() + 86)
                .append(entry.sha256())
                .append('\t')
                .append(entry.size())
                .append('\t')
                .append(path)
                .append('\n')
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Writes entries, which must come in {@link PathOrder}. */
    public static final class Writer implements Closeable {
        private final OutputStream out;

        public Writer(Path file) throws IOException {
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            out.write((HEADER + '\n').getBytes(StandardCharsets.UTF_8));
        }

        public void write(ManifestEntry entry) throws IOException {
            write(line(entry));
        }

        /** @param line the {@link #line} of the next entry */
        void write(byte[] line) throws IOException {
            out.write(line);
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
}
