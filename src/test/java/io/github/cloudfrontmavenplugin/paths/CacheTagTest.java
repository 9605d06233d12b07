package io.github.cloudfrontmavenplugin.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheTagTest {
    private static final String SOURCE = "<paths> (cloudfront.paths)";

    @ParameterizedTest(name = "[{0}] is sent as [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "#product:tv | #product:tv",
                "'  #release-42  ' | #release-42",
                "#a | #a",
                "#/docs/index.html | #/docs/index.html",
                "#100%_~!$&()+;=?@[]^`{}\\\"<> | #100%_~!$&()+;=?@[]^`{}\\\"<>",
            })
    void aValidTagIsSentVerbatimWithoutSlashOrEncoding(String written, String sent) throws UserFixableException {
        assertEquals(
                List.of(sent), InvalidationPaths.of(List.of(written), SOURCE).asList());
    }

    @Test
    void aTagOf256CharactersIsValidAnd257IsNot() throws UserFixableException {
        String longest = "#" + "t".repeat(256);
        assertEquals(
                List.of(longest), InvalidationPaths.of(List.of(longest), SOURCE).asList());

        UserFixableException e = refused("#" + "t".repeat(257));
        assertTrue(
                e.getMessage().contains("has 257 characters after the '#'; CloudFront accepts at most 256"),
                e.getMessage());
    }

    @ParameterizedTest(name = "[{0}] is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "# | is empty",
                "#a,b | contains a comma",
                "#a b | contains a space",
                "#product:* | contains '*'; tags have no wildcards",
                "#caf\u00e9 | contains the character U+00E9",
                "#tab\tbed | contains the character U+0009",
            })
    void anInvalidTagIsRefusedNamingTheItemTheParameterAndTheRule(String tag, String rule) {
        UserFixableException e = refused(tag);
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Invalid cache tag in <paths> (cloudfront.paths): cache tag '" + tag.strip() + "' "),
                e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void tagsThatDifferOnlyInCaseAreOneItemSpelledAsFirstGiven() throws UserFixableException {
        InvalidationPaths items =
                InvalidationPaths.of(List.of("#Product:TV", "/index.html", "#product:tv", "#PRODUCT:tv"), SOURCE);
        assertEquals(List.of("#Product:TV", "/index.html"), items.asList());
    }

    @Test
    void pathsStayCaseSensitiveBesideTags() throws UserFixableException {
        assertEquals(
                List.of("/A.html", "/a.html", "#a.html"),
                InvalidationPaths.of(List.of("/A.html", "/a.html", "#a.html", "#A.HTML"), SOURCE)
                        .asList());
    }

    @Test
    void aWildcardDoesNotSwallowATag() throws UserFixableException {
        assertEquals(
                List.of("/*", "#docs"),
                InvalidationPaths.of(List.of("/*", "#docs", "/docs/a"), SOURCE).asList());
    }

    @Test
    void aTagCountsAsAPathButNotAsAWildcard() throws UserFixableException {
        List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            items.add("/w" + i + "/*");
        }
        for (int i = 0; i < 2985; i++) {
            items.add("#t" + i);
        }
        assertEquals(3000, InvalidationPaths.of(items, SOURCE).size());
        items.add("#one-more");
        assertTrue(refused(items).getMessage().contains("3001 distinct paths and cache tags"));
    }

    private static UserFixableException refused(String item) {
        return refused(List.of(item));
    }

    private static UserFixableException refused(List<String> items) {
        return assertThrows(UserFixableException.class, () -> InvalidationPaths.of(items, SOURCE));
    }
}
