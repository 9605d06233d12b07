package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedObjectsTest {
    private static final PublishedObjects.Entry ENTRY = new PublishedObjects.Entry("e1", "ab12", "fp");

    @TempDir
    Path dir;

    @Test
    void aKeyWithTabNewlineBackslashAndPercentIsReadBackAsWritten() throws IOException {
        Map<String, PublishedObjects.Entry> entries = Map.of(
                "site/tab\there.html", ENTRY,
                "site/new\nline\rreturn.html", ENTRY,
                "site/back\\slash\\t.html", ENTRY,
                "site/100%25%.html", ENTRY,
                "site/all\t\n\\%.html", ENTRY);
        Path file = dir.resolve("objects");

        new PublishedObjects(entries).write(file);

        assertEquals(1 + entries.size(), Files.readAllLines(file).size(), "one line per object after the header");
        assertEquals(entries, PublishedObjects.read(file).entries());
    }

    @Test
    void writesTheTabOfAKeyEscapedAsTheManifestDoes() throws IOException {
        Path file = dir.resolve("objects");
        new PublishedObjects(Map.of("a\tb", ENTRY)).write(file);
        assertEquals(
                "cloudfront-maven-plugin objects 1\ne1\tab12\tfp\ta\\tb\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void readsRecordsAsEarlierVersionsWroteThem() throws IOException {
        // Earlier versions escaped backslash, newline and carriage return in keys, and left tabs raw.
        Path file = dir.resolve("objects");
        Files.writeString(
                file,
                "cloudfront-maven-plugin objects 1\n"
                        + "e1\tab12\tfp\tsite/a\tb.html\n"
                        + "e1\tab12\tfp\tsite/back\\\\slash\\\\t\\nx%20.html\n");
        assertEquals(
                Map.of("site/a\tb.html", ENTRY, "site/back\\slash\\t\nx%20.html", ENTRY),
                PublishedObjects.read(file).entries());
    }

    @Test
    void anUnreadableRecordIsNoRecord() throws IOException {
        Path file = dir.resolve("objects");
        Files.writeString(file, "cloudfront-maven-plugin objects 1\ne1\tab12\n");
        assertEquals(Map.of(), PublishedObjects.read(file).entries());
        Files.writeString(file, "something else\n");
        assertEquals(Map.of(), PublishedObjects.read(file).entries());
    }
}
