package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteUrlsTest {
    @Test
    void changedIndexDocumentsAlsoInvalidateTheirDirectoryKeys() throws UserFixableException {
        SiteUrls urls = SiteUrls.of("/", "index.html");
        assertEquals(
                List.of("/index.html", "/", "/docs/index.html", "/docs/", "/docs", "/docs/a.html"),
                urls.pathsOf(List.of("index.html", "docs/index.html", "docs/a.html")));
    }

    @Test
    void pathPrefixIsPrependedAndItsRootAliased() throws UserFixableException {
        SiteUrls urls = SiteUrls.of("manual", "index.html");
        assertEquals("/manual/", urls.prefix());
        assertEquals(List.of("/manual/index.html", "/manual/", "/manual"), urls.pathsOf(List.of("index.html")));
        assertEquals(List.of("/manual/*", "/manual"), urls.everything());
        assertEquals(List.of("/*"), SiteUrls.of("/", "index.html").everything());
    }

    @Test
    void fileNamesAreEncodedLiterally() throws UserFixableException {
        assertEquals(
                List.of("/caf%C3%A9%20menu.html", "/100%25.html", "/a%2Ab.html", "/%7Eme/x"),
                SiteUrls.of("/", "none").pathsOf(List.of("caf\u00e9 menu.html", "100%.html", "a*b.html", "~me/x")));
    }

    @Test
    void aQuestionMarkInAFileNameIsEncodedAsTheBrowserSendsIt() throws UserFixableException {
        assertEquals(
                List.of("/docs/q%3F.html"), SiteUrls.of("/docs/", "index.html").pathsOf(List.of("q?.html")));
        assertEquals(
                List.of("/what%3F/index.html", "/what%3F/", "/what%3F"),
                SiteUrls.of("/", "index.html").pathsOf(List.of("what?/index.html")));
        assertEquals("/what%3F/", SiteUrls.of("/", "index.html").directoryPrefix("what?/"));
    }

    @Test
    void indexAliasesCanBeTurnedOff() throws UserFixableException {
        assertEquals(List.of("/docs/index.html"), SiteUrls.of("/", "none").pathsOf(List.of("docs/index.html")));
        assertEquals(List.of("/docs/index.html"), SiteUrls.of("/", "").pathsOf(List.of("docs/index.html")));
        assertEquals(List.of("/x/*"), SiteUrls.of("/x/", "none").everything());
    }

    @Test
    void otherIndexDocumentNames() throws UserFixableException {
        assertEquals(
                List.of("/docs/default.htm", "/docs/", "/docs", "/docs/index.html"),
                SiteUrls.of("/", "default.htm").pathsOf(List.of("docs/default.htm", "docs/index.html")));
    }

    @Test
    void refusesBadSettings() {
        assertTrue(assertThrows(UserFixableException.class, () -> SiteUrls.of("/docs/*", "index.html"))
                .getMessage()
                .startsWith("<pathPrefix> (cloudfront.pathPrefix) is '/docs/*'"));
        assertTrue(assertThrows(UserFixableException.class, () -> SiteUrls.of("/", "docs/index.html"))
                .getMessage()
                .startsWith("<indexDocument> (cloudfront.indexDocument)"));
        assertTrue(assertThrows(UserFixableException.class, () -> OnMissingManifest.parse("some"))
                .getMessage()
                .contains("the only valid values are [all, none, fail]"));
    }
}
