package io.github.cloudfrontmavenplugin.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tests' SLF4J binding writes at debug level, as Maven's is with -X ({@code simplelogger.properties}), from
 * the moment {@link #mark} was called.
 */
public final class DebugLog {
    private static final Path FILE = Path.of("target/test-debug.log");

    private final long from;

    private DebugLog(long from) {
        this.from = from;
    }

    public static DebugLog mark() throws IOException {
        return new DebugLog(Files.exists(FILE) ? Files.size(FILE) : 0);
    }

    /** Everything written since the mark (the file holds every test's lines: tens of MB by the end of a run). */
    public String written() throws IOException {
        try (InputStream in = Files.newInputStream(FILE)) {
            in.skipNBytes(from);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** How many times {@code line} occurs in {@code text}. */
    public static int count(String text, String line) {
        Matcher matcher = Pattern.compile(Pattern.quote(line)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
