package io.github.cloudfrontmavenplugin.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One share of a listing whose keys are known in advance: the keys after {@link #after} (all from the prefix's start
 * when empty) up to and including {@link #upTo} (all to its end when empty).
 *
 * <p>S3 lists keys in UTF-8 byte order, and from any key on ({@code start-after}). The record of what the last sync put
 * names the keys the bucket most likely holds, so its keys, in that order, cut the prefix's key space into ranges of
 * about {@link #KEYS_PER_RANGE} keys, and all of them can be listed at once, a page each, in one round trip. Together
 * the ranges cover every key under the prefix, whatever the record says: a key it does not know (put by hand, by
 * another tool, or after a lost record) falls into one of them all the same, and costs at most one more page there.
 *
 * <p>Only keys made of characters below U+D800 serve as ends of ranges. Against those, every store lists in the same
 * order, whether it sorts by UTF-8 bytes as S3 does or by Java's UTF-16 units as S3Proxy does: the two orders differ
 * only between characters beyond U+FFFF and those from U+E000 up. So a range read from its start ends exactly where
 * the first key past its end shows, on any store.
 *
 * @param expected how many of the record's keys the range holds, for the size of its first page
 */
record ListingRange(Optional<String> after, Optional<String> upTo, int expected) {
    /**
     * A tenth of S3's page: a site of a thousand keys is listed by ten requests at once. Smaller ranges would add
     * requests, each with its own round trip and signature, for pages that are short already.
     */
    static final int KEYS_PER_RANGE = 100;

    /** S3's most keys per page. */
    static final int MAX_PAGE = 1_000;

    /** S3's order of keys: their UTF-8 bytes, which is the order of their code points. */
    static final Comparator<String> KEY_ORDER = ListingRange::compareKeys;

    /**
     * The ranges that list {@code prefix}, by the keys last put under it; none when none is known, as on a first sync.
     *
     * @param known keys the bucket is expected to hold, in any order; those outside the prefix are left out
     * @param atMost how many ranges may be listed at once
     */
    static List<ListingRange> split(String prefix, Collection<String> known, int atMost) {
        List<String> keys = known.stream()
                .filter(key -> key.startsWith(prefix) && isOrderedAlikeEverywhere(key))
                .distinct()
                .sorted(KEY_ORDER)
                .toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        int count = Math.max(1, Math.min(atMost, keys.size() / KEYS_PER_RANGE));
        List<ListingRange> ranges = new ArrayList<>(count);
        int from = 0;
        for (int i = 1; i <= count; i++) {
            int to = (int) ((long) keys.size() * i / count);
            ranges.add(new ListingRange(
                    from == 0 ? Optional.empty() : Optional.of(keys.get(from - 1)),
                    i == count ? Optional.empty() : Optional.of(keys.get(to - 1)),
                    to - from));
            from = to;
        }
        return ranges;
    }

    /**
     * How many keys to ask for in a page. The first page of a range with an end asks for what the record expects there
     * and a margin for keys it does not know, so that it rarely needs a second page and rarely reads far into the next
     * range. Past that margin the record is no guide (a bucket that holds more than the record says), and after the
     * last known key nothing bounds the range: those pages are S3's full ones.
     */
    int pageSize(boolean first) {
        return first && upTo.isPresent() ? Math.min(MAX_PAGE, expected + expected / 8 + 8) : MAX_PAGE;
    }

    /** Whether {@code key}, listed from this range's start, is inside it. */
    boolean holds(String key) {
        return after.map(a -> KEY_ORDER.compare(key, a) > 0).orElse(true) && !isPast(key);
    }

    /** Whether {@code key} comes after the range's end, so that nothing listed after it belongs to the range. */
    boolean isPast(String key) {
        return upTo.map(u -> KEY_ORDER.compare(key, u) > 0).orElse(false);
    }

    private static boolean isOrderedAlikeEverywhere(String key) {
        return key.chars().allMatch(c -> c < Character.MIN_SURROGATE);
    }

    private static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
