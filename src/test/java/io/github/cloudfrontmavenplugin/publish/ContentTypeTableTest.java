package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;

/**
 * {@code content-types.txt} is Tika's own table of names, extensions and patterns, and {@link ContentTypeTable} answers
 * every name as Tika does. After a Tika upgrade, regenerate the file with {@code ./mvnw test
 * -Dtest=ContentTypeTableTest -DcontentTypes.regenerate=true} and read the change.
 */
class ContentTypeTableTest {
    private static final Path GENERATED =
            Path.of("src/main/resources/io/github/cloudfrontmavenplugin/publish/" + ContentTypeTable.RESOURCE);

    @Test
    void theGeneratedTableIsTikasOwn() throws Exception {
        String expected = fromTika();
        if (Boolean.getBoolean("contentTypes.regenerate")) {
            Files.writeString(GENERATED, expected, StandardCharsets.UTF_8);
        }
        assertEquals(
                expected,
                Files.readString(GENERATED, StandardCharsets.UTF_8),
                GENERATED + " is not the table of the Tika on the classpath: regenerate it with ./mvnw test"
                        + " -Dtest=ContentTypeTableTest -DcontentTypes.regenerate=true");
    }

    @Test
    void everyNameGetsTheTypeTikaGivesIt() throws Exception {
        ContentTypeTable table = ContentTypeTable.load();
        Set<String> names = corpus();
        List<String> differ = new ArrayList<>();
        for (String name : names) {
            String tika = tikaTypeOf(name);
            String ours = table.typeOf(name);
            if (!ours.equals(tika)) {
                differ.add(name + ": Tika " + tika + ", the table " + ours);
            }
        }
        assertEquals(List.of(), differ);
        assertTrue(names.size() > 5000, "the corpus is " + names.size() + " names");
    }

    /** What Tika's own detection, without content, gives a file of this name. */
    private static String tikaTypeOf(String name) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        return MimeTypes.getDefaultMimeTypes().detect(null, metadata).toString();
    }

    /**
     * Names that reach each of Tika's rules, in both cases, and near misses; awkward names (URI escapes, fragments,
     * schemes, no extension, dots); and every file name in this repository.
     */
    private static Set<String> corpus() throws Exception {
        Set<String> names = new TreeSet<>();
        String xml = new String(
                MimeTypes.class.getResourceAsStream("tika-mimetypes.xml").readAllBytes(), StandardCharsets.UTF_8);
        Matcher glob = Pattern.compile("<glob pattern=\"([^\"]*)\"( isregex=\"true\")?")
                .matcher(xml);
        while (glob.find()) {
            String pattern = glob.group(1).replace("&amp;", "&");
            String sample = glob.group(2) == null
                    ? pattern.replace("*", "ab").replace("?", "q")
                    : pattern.replace("^", "").replace("$", "");
            for (String name : List.of(sample, "x" + sample, sample + ".x", sample + "~")) {
                names.add(name);
                names.add(name.toUpperCase(Locale.ROOT));
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        names.addAll(List.of(
                "",
                ".",
                "..",
                "file.",
                "noext",
                "index.HTML",
                "Index.Html",
                "a b.html",
                "a%20b.html",
                "a%2Fb.css",
                "x%2FMakefile",
                "x%2F",
                "a%zz.html",
                "%E2%82%AC.txt",
                "x#y.html",
                "x?y.css",
                "[x].html",
                "é.html",
                "c:foo.html",
                "http:foo.php",
                "https:page.jsp",
                "HTTP:foo.php",
                "mailto:someone",
                "archive.tar.gz",
                "notes.txt.gz",
                "LICENSE.txt",
                "Makefile.am"));
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith("./target") && !file.startsWith("./.git"))
                    .forEach(file -> names.add(file.getFileName().toString()));
        }
        return names;
    }

    /** Tika's rules by name as its {@code Patterns} holds them, in the generated file's format. */
    private static String fromTika() throws Exception {
        Object patterns = field(MimeTypes.getDefaultMimeTypes(), "patterns");
        StringBuilder out = new StringBuilder();
        out.append("# Apache Tika ")
                .append(tikaVersion())
                .append("'s rules for a file's type by its name (exact names, extensions, then patterns in order),\n")
                .append("# generated by ContentTypeTableTest: do not edit.\n");
        for (String kind : List.of("names", "extensions")) {
            Map<String, MimeType> sorted = new TreeMap<>(map(patterns, kind));
            sorted.forEach((pattern, type) -> out.append(kind.equals("names") ? "name" : "extension")
                    .append('\t')
                    .append(pattern)
                    .append('\t')
                    .append(type.getType())
                    .append('\n'));
        }
        map(patterns, "globs")
                .forEach((regex, type) -> out.append("regex\t")
                        .append(regex)
                        .append('\t')
                        .append(type.getType())
                        .append('\n'));
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, MimeType> map(Object patterns, String name) throws ReflectiveOperationException {
        return (Map<String, MimeType>) field(patterns, name);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static String tikaVersion() throws IOException {
        try (InputStream in =
                MimeTypes.class.getResourceAsStream("/META-INF/maven/org.apache.tika/tika-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
