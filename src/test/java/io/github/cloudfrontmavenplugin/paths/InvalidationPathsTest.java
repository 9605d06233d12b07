package io.github.cloudfrontmavenplugin.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InvalidationPathsTest {
    private static final String SOURCE = "<paths> (cloudfront.paths)";

    @Test
    void dropsDuplicatesAfterNormalisingAndKeepsOrder() throws UserFixableException {
        InvalidationPaths paths = InvalidationPaths.of(List.of("/b", "a b", "/b", "/a%20b", "/c", "/a b"), SOURCE);
        assertEquals(List.of("/b", "/a%20b", "/c"), paths.asList());
    }

    @Test
    void dropsWhatAWildcardOfTheSameBatchCovers() throws UserFixableException {
        InvalidationPaths paths = InvalidationPaths.of(
                List.of("/docs/a.html", "/docs", "/docs/*", "/docs/img/*", "/doc", "/docs-old/x", "/a*", "/a/b", "/b"),
                SOURCE);
        assertEquals(List.of("/docs", "/docs/*", "/doc", "/docs-old/x", "/a*", "/b"), paths.asList());
        assertEquals(
                List.of("/*"),
                InvalidationPaths.of(List.of("/x", "/*", "/y/*", "/"), SOURCE).asList());
    }

    @Test
    void ignoresBlankEntries() throws UserFixableException {
        InvalidationPaths paths = InvalidationPaths.of(Arrays.asList("", " ", null, "/a"), SOURCE);
        assertEquals(List.of("/a"), paths.asList());
        assertTrue(InvalidationPaths.of(List.of(" "), SOURCE).isEmpty());
    }

    @Test
    void namesTheSourceOfAnInvalidPath() {
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> InvalidationPaths.of(List.of("/a*b"), SOURCE));
        assertTrue(e.getMessage().startsWith("Invalid path in <paths> (cloudfront.paths): '/a*b'"), e.getMessage());
    }

    @Test
    void allows3000PathsButNotMore() throws UserFixableException {
        assertEquals(3000, InvalidationPaths.of(numbered(3000), SOURCE).size());
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> InvalidationPaths.of(numbered(3001), SOURCE));
        assertTrue(e.getMessage().contains("3001 distinct paths"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 3000"), e.getMessage());
    }

    @Test
    void allows15WildcardsButNotMore() throws UserFixableException {
        assertEquals(15, InvalidationPaths.of(wildcards(15), SOURCE).size());
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> InvalidationPaths.of(wildcards(16), SOURCE));
        assertTrue(e.getMessage().contains("16 wildcard paths"), e.getMessage());
    }

    private static List<String> numbered(int n) {
        return IntStream.range(0, n).mapToObj(i -> "/p" + i).toList();
    }

    private static List<String> wildcards(int n) {
        return IntStream.range(0, n).mapToObj(i -> "/d" + i + "/*").toList();
    }
}
