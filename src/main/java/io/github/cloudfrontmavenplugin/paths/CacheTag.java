package io.github.cloudfrontmavenplugin.paths;

import java.util.Locale;

/**
 * An item of an invalidation batch that starts with {@code #}: a cache tag, which invalidates every cached object
 * whose origin response carried that tag (in the header the distribution's {@code CacheTagConfig} names).
 *
 * <p>Unlike a path, a tag is sent exactly as written: no leading {@code /} is added and nothing is percent-encoded,
 * since CloudFront matches it against the tag header's value, not against a URL. CloudFront compares tags without
 * regard to case, and counts each one as one path, in its in-progress limits and its bill, never as a wildcard.
 */
public final class CacheTag {
    public static final String PREFIX = "#";
    public static final int MAX_LENGTH = 256;

    private CacheTag() {}

    /** True for an item that CloudFront reads as a cache tag. */
    public static boolean isTag(String item) {
        return item.startsWith(PREFIX);
    }

    /**
     * @param item a batch item starting with {@code #}, such as {@code #product:tv}, surrounding space allowed
     * @return the item as sent: stripped of surrounding space, otherwise verbatim
     * @throws InvalidPathException naming the item and the rule it breaks
     */
    public static String check(String item) throws InvalidPathException {
        String tagged = item.strip();
        String tag = tagged.substring(PREFIX.length());
        String rule = brokenRule(tag);
        if (rule != null) {
            throw new InvalidPathException("cache tag '" + abbreviate(tagged) + "' " + rule);
        }
        return tagged;
    }

    /** The rule a tag (without its {@code #}) breaks, or null when CloudFront accepts it. */
    private static String brokenRule(String tag) {
        if (tag.isEmpty()) {
            return "is empty: a tag has 1 to " + MAX_LENGTH + " characters after the '#'";
        }
        if (tag.length() > MAX_LENGTH) {
            return "has " + tag.length() + " characters after the '#'; CloudFront accepts at most " + MAX_LENGTH;
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == ',') {
                return "contains a comma, which separates tags in the tag header; give each tag as its own item";
            }
            if (c == '*') {
                return "contains '*'; tags have no wildcards, so name each tag in full";
            }
            if (c < 33 || c > 126) {
                return "contains " + describe(c) + "; a tag may hold only the visible ASCII characters (33 to 126),"
                        + " no spaces and nothing beyond ASCII";
            }
        }
        return null;
    }

    /** The key two tags are the same item by: CloudFront compares tags without regard to case. */
    public static String identity(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        return String.format(Locale.ROOT, "the character U+%04X%s", (int) c, c < 32 || c == 127 ? "" : " '" + c + "'");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
