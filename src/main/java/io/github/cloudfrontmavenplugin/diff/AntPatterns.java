package io.github.cloudfrontmavenplugin.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Include and exclude patterns as Ant and the resources plugin write them: {@code **} matches any number of
 * directories, {@code *} any characters within one name, {@code ?} one character; a pattern ending in {@code /} means
 * everything below that directory. Paths are relative, with {@code /} between names.
 */
public final class AntPatterns {
    /** Empty for "everything": the usual case, answered without a regular expression per file. */
    private final List<Pattern> includes;

    private final List<Pattern> excludes;

    private AntPatterns(List<Pattern> includes, List<Pattern> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** With no includes, everything is included. */
    public static AntPatterns of(List<String> includes, List<String> excludes) {
        return new AntPatterns(compile(includes), compile(excludes));
    }

    public boolean matches(String relativePath) {
        return (includes.isEmpty() || anyMatches(includes, relativePath)) && !anyMatches(excludes, relativePath);
    }

    private static boolean anyMatches(List<Pattern> patterns, String relativePath) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(relativePath).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns == null ? List.<String>of() : patterns) {
            if (pattern != null && !pattern.isBlank()) {
                compiled.add(toRegex(pattern.strip()));
            }
        }
        return compiled;
    }

    static Pattern toRegex(String antPattern) {
        String pattern = antPattern.replace('\\', '/');
        while (pattern.startsWith("/")) {
            pattern = pattern.substring(1);
        }
        if (pattern.endsWith("/")) {
            pattern = pattern + "**";
        }
        StringBuilder regex = new StringBuilder();
        String[] segments = pattern.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("**")) {
                // zero or more whole directories (or, at the end, anything below)
                regex.append(last ? ".*" : "(?:[^/]*/)*");
                continue;
            }
            for (char c : segment.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append("[^/]*");
                    case '?' -> regex.append("[^/]");
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            if (!last) {
                regex.append('/');
            }
        }
        // DOTALL: a trailing ** matches names with a line break too, which the manifest can record
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
