package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListingRangeTest {
    private static List<String> keys(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("%sp%05d.html", prefix, i))
                .toList();
    }

    @Test
    void noKnownKeyUnderThePrefixGivesNoRange() {
        assertEquals(List.of(), ListingRange.split("site/", List.of(), 32));
        assertEquals(List.of(), ListingRange.split("site/", List.of("other/a", "sit", "sitf"), 32));
    }

    @Test
    void aFewKnownKeysAreListedByOneRangeFromThePrefixToItsEnd() {
        assertEquals(
                List.of(new ListingRange(Optional.empty(), Optional.empty(), 150)),
                ListingRange.split("site/", keys("site/", 150), 32));
    }

    @Test
    void theRangesShareTheKnownKeysEvenlyEachEndingWhereTheNextStarts() {
        List<String> known = keys("site/", 903);

        List<ListingRange> ranges = ListingRange.split("site/", known, 32);

        assertEquals(9, ranges.size());
        assertEquals(Optional.empty(), ranges.get(0).after());
        assertEquals(Optional.empty(), ranges.get(8).upTo());
        for (int i = 1; i < ranges.size(); i++) {
            assertEquals(ranges.get(i - 1).upTo(), ranges.get(i).after());
        }
        assertEquals(903, ranges.stream().mapToInt(ListingRange::expected).sum());
        assertTrue(ranges.stream().allMatch(r -> r.expected() == 100 || r.expected() == 101), ranges.toString());
        for (String key : known) {
            assertEquals(1, ranges.stream().filter(r -> r.holds(key)).count(), key);
        }
    }

    @Test
    void noMoreRangesThanMayBeListedAtOnce() {
        List<ListingRange> ranges = ListingRange.split("", keys("", 10_000), 32);

        assertEquals(32, ranges.size());
        assertEquals(10_000, ranges.stream().mapToInt(ListingRange::expected).sum());
    }

    @Test
    void theFirstPageOfARangeWithAnEndHoldsTheExpectedKeysAndAMargin() {
        assertEquals(100 + 12 + 8, new ListingRange(Optional.empty(), Optional.of("s/m"), 100).pageSize(true));
        assertEquals(8, new ListingRange(Optional.of("s/a"), Optional.of("s/b"), 0).pageSize(true));
        assertEquals(
                ListingRange.MAX_PAGE, new ListingRange(Optional.empty(), Optional.of("s/m"), 5_000).pageSize(true));
    }

    @Test
    void pagesPastTheMarginAndPagesAfterTheLastKnownKeyAreFull() {
        assertEquals(
                ListingRange.MAX_PAGE, new ListingRange(Optional.empty(), Optional.of("s/m"), 100).pageSize(false));
        assertEquals(ListingRange.MAX_PAGE, new ListingRange(Optional.of("s/m"), Optional.empty(), 3).pageSize(true));
        assertEquals(ListingRange.MAX_PAGE, new ListingRange(Optional.empty(), Optional.empty(), 3).pageSize(true));
    }

    @Test
    void keysAreOrderedByTheirUtf8BytesAsS3ListsThem() {
        List<String> keys = Arrays.asList("a\uffee", "a\ud83d\ude00", "a", "ab", "a\u00e9", "aZ", "a\ue000");

        keys.sort(ListingRange.KEY_ORDER);

        List<String> byBytes = keys.stream()
                .sorted((x, y) ->
                        Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertEquals(byBytes, keys);
        assertEquals(List.of("a", "aZ", "ab", "a\u00e9", "a\ue000", "a\uffee", "a\ud83d\ude00"), keys);
    }

    @Test
    void rangesNeverEndOnAKeyThatStoresOrderDifferently() {
        // S3 puts a\uffee before a\ud83d\ude00 (by UTF-8), S3Proxy after it (by UTF-16): neither may end a range.
        List<String> known = IntStream.range(0, 400)
                .mapToObj(i -> i % 2 == 0 ? "s/\uffee" + i : "s/\ud83d\ude00" + i)
                .toList();
        assertEquals(List.of(), ListingRange.split("s/", known, 32));

        List<ListingRange> mixed = ListingRange.split(
                "s/",
                java.util.stream.Stream.concat(known.stream(), keys("s/", 300).stream())
                        .toList(),
                32);
        assertEquals(3, mixed.size());
        mixed.forEach(range -> {
            assertTrue(range.after().orElse("").chars().allMatch(c -> c < 0xd800), range.toString());
            assertTrue(range.upTo().orElse("").chars().allMatch(c -> c < 0xd800), range.toString());
        });
    }

    @Test
    void aRangeHoldsTheKeysAfterItsStartUpToItsEnd() {
        ListingRange range = new ListingRange(Optional.of("s/b"), Optional.of("s/d"), 2);

        assertFalse(range.holds("s/a"));
        assertFalse(range.holds("s/b"));
        assertTrue(range.holds("s/b0"));
        assertTrue(range.holds("s/c"));
        assertTrue(range.holds("s/d"));
        assertFalse(range.holds("s/d0"));
        assertTrue(range.isPast("s/d0"));
        assertFalse(range.isPast("s/a"));
    }
}
