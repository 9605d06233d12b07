package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderRulesTest {
    private static PublishRule rule(
            String include, Optional<String> cacheControl, Map<String, String> metadata, List<String> tags) {
        return new PublishRule(
                AntPatterns.of(List.of(include), List.of()),
                cacheControl,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                metadata,
                tags);
    }

    @Test
    void theFirstMatchingRuleThatSetsAHeaderWins() throws UserFixableException {
        HeaderRules rules = HeaderRules.of(
                List.of(
                        rule("assets/**", Optional.of("max-age=31536000, immutable"), Map.of("team", "web"), List.of()),
                        rule("**", Optional.of("no-cache"), Map.of("team", "other", "owner", "ops"), List.of())),
                null);
        ObjectHeaders asset = rules.headersFor("assets/app.js");
        assertEquals(Optional.of("max-age=31536000, immutable"), asset.cacheControl());
        assertEquals(Map.of("team", "web", "owner", "ops"), asset.metadata());
        assertEquals(Optional.of("no-cache"), rules.headersFor("index.html").cacheControl());
    }

    @Test
    void cacheTagsGoIntoTheConfiguredMetadataCommaSeparated() throws UserFixableException {
        HeaderRules rules = HeaderRules.of(
                List.of(rule("docs/**", Optional.empty(), Map.of(), List.of("docs", "v2"))),
                "X-Amz-Meta-Surrogate-Key");
        assertEquals(
                Map.of("surrogate-key", "docs,v2"),
                rules.headersFor("docs/a.html").metadata());
        assertEquals(Map.of(), rules.headersFor("index.html").metadata());
    }

    @Test
    void theContentHashMetadataNameIsReserved() {
        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> HeaderRules.of(List.of(rule("**", Optional.empty(), Map.of("sha256", "x"), List.of())), null));
        assertTrue(e.getMessage().contains("'sha256'"), e.getMessage());
    }

    @Test
    void modernWebTypesComeFromTheMimeTableWithACharsetOnText() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("a.js", "text/javascript; charset=utf-8"),
                Map.entry("a.mjs", "text/javascript; charset=utf-8"),
                Map.entry("a.wasm", "application/wasm"),
                Map.entry("site.webmanifest", "application/manifest+json; charset=utf-8"),
                Map.entry("a.avif", "image/avif"),
                Map.entry("a.webp", "image/webp"),
                Map.entry("a.woff2", "font/woff2"),
                Map.entry("a.svg", "image/svg+xml; charset=utf-8"),
                Map.entry("a.json", "application/json; charset=utf-8"),
                Map.entry("app.js.map", "application/json; charset=utf-8"),
                Map.entry("sitemap.xml", "application/xml; charset=utf-8"),
                Map.entry("robots.txt", "text/plain; charset=utf-8"),
                Map.entry("index.html", "text/html; charset=utf-8"),
                Map.entry("a.css", "text/css; charset=utf-8"),
                Map.entry("a.png", "image/png"),
                Map.entry("data.unknown-ext", "application/octet-stream"));
        expected.forEach((name, type) -> assertEquals(type, ContentTypes.of("dir/" + name), name));
    }
}
