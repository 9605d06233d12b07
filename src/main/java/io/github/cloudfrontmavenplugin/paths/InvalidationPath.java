package io.github.cloudfrontmavenplugin.paths;

import java.nio.charset.StandardCharsets;

/**
 * Turns a path as a user writes it into the form CloudFront matches against its cache keys.
 *
 * <p>CloudFront compares the invalidation path with the encoded request URI, so a path must be percent-encoded
 * exactly as a browser would send it: non-ASCII characters as UTF-8 and the characters RFC 1738 calls unsafe, and
 * nothing else (encoding more makes the path miss the cached object). A valid {@code %XX} escape is kept, so encoding
 * an already encoded path changes nothing.
 */
public final class InvalidationPath {
    public static final int MAX_LENGTH = 4_000;

    private static final String RFC_1738_UNSAFE = " \"<>#%{}|\\^~[]`";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private InvalidationPath() {}

    /**
     * Encodes a path made from file names, where every character stands for itself: {@code %}, {@code *} and {@code ?}
     * are encoded too, so a file named {@code 100%.html}, {@code a*b.html} or {@code q?.html} is invalidated and not
     * taken for an escape, a wildcard or the start of a query string ({@code /q?.html} would invalidate {@code /q}
     * with the query {@code .html}; a browser asks for that file as {@code /q%3F.html}).
     *
     * @param literal a URL path built from file names, starting with {@code /}
     */
    public static String encodeLiteral(String literal) throws InvalidPathException {
        String encoded = encode(literal, true);
        checkLength(encoded);
        return encoded;
    }

    /**
     * @param raw a path such as {@code docs/caf\u00e9 menu.html} or {@code /img/*}
     * @return the path with a leading {@code /}, encoded for CloudFront
     * @throws InvalidPathException when CloudFront could never accept the path
     */
    public static String normalise(String raw) throws InvalidPathException {
        String path = raw.strip();
        if (path.isEmpty()) {
            throw new InvalidPathException("an invalidation path cannot be empty");
        }
        int star = path.indexOf('*');
        if (star >= 0 && star != path.length() - 1) {
            throw new InvalidPathException("'" + path + "' has a '*' before its end; CloudFront accepts '*' only as the"
                    + " last character (for example '/images/*' or '/app.js*')");
        }
        String encoded = encode(path.charAt(0) == '/' ? path : "/" + path, false);
        checkLength(encoded);
        return encoded;
    }

    private static String encode(String path, boolean literal) {
        StringBuilder encoded = new StringBuilder(path.length() + 8);
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (!literal && b == '%' && isEscape(bytes, i)) {
                encoded.append('%').append((char) bytes[i + 1]).append((char) bytes[i + 2]);
                i += 2;
            } else if (b <= 0x20 || b >= 0x7F || RFC_1738_UNSAFE.indexOf(b) >= 0 || (literal && isSpecial(b))) {
                encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            } else {
                encoded.append((char) b);
            }
        }
        return encoded.toString();
    }

    /** What CloudFront reads as more than a character in a path a user writes: the wildcard and the query string. */
    private static boolean isSpecial(int b) {
        return b == '*' || b == '?';
    }

    private static void checkLength(String encoded) throws InvalidPathException {
        if (encoded.length() > MAX_LENGTH) {
            throw new InvalidPathException("'" + abbreviate(encoded) + "' is " + encoded.length()
                    + " characters long once encoded; CloudFront accepts at most " + MAX_LENGTH
                    + ". Invalidate a shorter prefix with a trailing '*'");
        }
    }

    /** True when the path ends with the wildcard, which CloudFront counts against its separate wildcard limit. */
    public static boolean isWildcard(String normalisedPath) {
        return normalisedPath.endsWith("*");
    }

    private static boolean isEscape(byte[] bytes, int percent) {
        return percent + 2 < bytes.length && isHex(bytes[percent + 1]) && isHex(bytes[percent + 2]);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static String abbreviate(CharSequence text) {
        return text.length() <= 60 ? text.toString() : text.subSequence(0, 57) + "...";
    }
}
