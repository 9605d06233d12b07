package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathOrderAndPatternsTest {
    @Test
    void ordersSegmentBySegmentAsADepthFirstWalkDoes() {
        List<String> paths = new ArrayList<>(List.of("a.txt", "a/z", "a-b/c", "a/b/c", "b", "A", "a/b.txt", "\u00e9"));
        paths.sort(PathOrder.INSTANCE);
        // "a" (a directory) before "a-b" and "a.txt", though '-' and '.' sort before '/' as characters.
        assertEquals(List.of("A", "a/b/c", "a/b.txt", "a/z", "a-b/c", "a.txt", "b", "\u00e9"), paths);
        assertEquals(0, PathOrder.INSTANCE.compare("x/y", "x/y"));
        assertTrue(PathOrder.INSTANCE.compare("x", "x/y") < 0);
    }

    @Test
    void antPatternsMatchAsTheResourcesPluginDoes() {
        AntPatterns html = AntPatterns.of(List.of("**/*.html"), List.of());
        assertTrue(html.matches("index.html"));
        assertTrue(html.matches("docs/a/b.html"));
        assertFalse(html.matches("docs/app.js"));

        AntPatterns noMaps = AntPatterns.of(List.of(), List.of("**/*.map", "drafts/", "tmp?/**"));
        assertTrue(noMaps.matches("app.js"));
        assertFalse(noMaps.matches("js/app.js.map"));
        assertFalse(noMaps.matches("drafts/post.html"));
        assertFalse(noMaps.matches("tmp1/x/y"));
        assertTrue(noMaps.matches("tmp12/x"));

        AntPatterns oneLevel = AntPatterns.of(List.of("docs/*"), List.of());
        assertTrue(oneLevel.matches("docs/a.html"));
        assertFalse(oneLevel.matches("docs/sub/a.html"));
        assertTrue(AntPatterns.of(List.of("/docs/**"), List.of()).matches("docs/sub/a.html"));
        assertTrue(AntPatterns.of(List.of("a+b (1).html"), List.of()).matches("a+b (1).html"));
    }

    @Test
    void namesWithALineBreakAreIncludedByDefaultAndByATrailingDoubleStar() {
        assertTrue(AntPatterns.of(List.of(), List.of()).matches("docs/two\nlines.html"));
        assertTrue(AntPatterns.of(List.of("docs/**"), List.of()).matches("docs/two\nlines.html"));
        assertFalse(AntPatterns.of(List.of(), List.of("docs/")).matches("docs/two\nlines.html"));
    }
}
