package io.github.cloudfrontmavenplugin.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidationPathTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "/index.html | /index.html",
                "index.html | /index.html",
                "'  /trimmed.html  ' | /trimmed.html",
                "/a b.html | /a%20b.html",
                "/caf\u00e9.html | /caf%C3%A9.html",
                "/\u65e5\u672c.html | /%E6%97%A5%E6%9C%AC.html",
                "/\ud83d\ude00 | /%F0%9F%98%80",
                "/~user/page | /%7Euser/page",
                "/a\"b<c>d | /a%22b%3Cc%3Ed",
                "/x#frag | /x%23frag",
                "/{a}b\\c^d | /%7Ba%7Db%5Cc%5Ed",
                "/[a]`b | /%5Ba%5D%60b",
                "/100% | /100%25",
                "/50%off | /50%25off",
                "/a%2 | /a%252",
                "/a%20b.html | /a%20b.html",
                "/caf%C3%A9.html | /caf%C3%A9.html",
                "/lower%c3%a9 | /lower%c3%a9",
                "/images/* | /images/*",
                "/app.js* | /app.js*",
                "/* | /*",
                "/a.jpg?v=1&w=2 | /a.jpg?v=1&w=2",
                "/it's+ok!$(),;:@= | /it's+ok!$(),;:@=",
                "/a/b/../c | /a/b/../c",
                "/%2A | /%2A",
                "/tab\there | /tab%09here",
            })
    void encodesAsCloudFrontMatchesCacheKeys(String raw, String expected) throws InvalidPathException {
        assertEquals(expected, InvalidationPath.normalise(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/caf\u00e9", "/100%", "/~x", "/x#y", "/a%20b"})
    void normalisingTwiceChangesNothing(String raw) throws InvalidPathException {
        String once = InvalidationPath.normalise(raw);
        assertEquals(once, InvalidationPath.normalise(once));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a*/b", "*.html", "/images/*.png", "/**"})
    void refusesAWildcardBeforeTheEnd(String raw) {
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> InvalidationPath.normalise(raw));
        assertTrue(e.getMessage().contains("only as the last character"), e.getMessage());
        assertTrue(e.getMessage().contains(raw), e.getMessage());
    }

    @Test
    void refusesAPathLongerThan4000EncodedCharacters() throws InvalidPathException {
        assertEquals(4000, InvalidationPath.normalise("/" + "a".repeat(3999)).length());
        InvalidPathException e =
                assertThrows(InvalidPathException.class, () -> InvalidationPath.normalise("/" + "a".repeat(4000)));
        assertTrue(e.getMessage().contains("4001 characters"), e.getMessage());
        // 1,334 spaces fit as written but not once encoded (3 characters each)
        assertThrows(InvalidPathException.class, () -> InvalidationPath.normalise("/" + " x".repeat(1334)));
    }

    @Test
    void refusesEmptyPaths() {
        assertThrows(InvalidPathException.class, () -> InvalidationPath.normalise("   "));
    }

    @ParameterizedTest(name = "file [{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "/a%20b.html | /a%2520b.html",
                "/100%.html | /100%25.html",
                "/a*b.html | /a%2Ab.html",
                "/caf\u00e9 menu.html | /caf%C3%A9%20menu.html",
                "/~x/index.html | /%7Ex/index.html",
                "/q?.html | /q%3F.html",
                "/search?/index.html | /search%3F/index.html",
                "/a#b.html | /a%23b.html",
            })
    void encodesFileNamesLiterally(String literal, String expected) throws InvalidPathException {
        assertEquals(expected, InvalidationPath.encodeLiteral(literal));
        assertEquals(expected, InvalidationPath.normalise(expected));
    }

    @Test
    void aQuestionMarkAUserWritesStaysAQueryString() throws InvalidPathException {
        assertEquals("/q?.html", InvalidationPath.normalise("/q?.html"));
        assertEquals("/a.jpg?v=1", InvalidationPath.normalise("a.jpg?v=1"));
    }

    @Test
    void encodesThePipe() throws InvalidPathException {
        assertEquals("/a%7Cb", InvalidationPath.normalise("/a|b"));
    }

    @Test
    void knowsWildcards() {
        assertTrue(InvalidationPath.isWildcard("/docs/*"));
        assertFalse(InvalidationPath.isWildcard("/docs/index.html"));
    }
}
