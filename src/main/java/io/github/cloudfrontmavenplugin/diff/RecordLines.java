package io.github.cloudfrontmavenplugin.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of the plugin's record files (the deploy manifest, the record of published objects): fields separated by
 * tabs, the last one a file's path or an object's key, which may hold any character. In it a backslash, tab, newline
 * and carriage return are written {@code \\}, {@code \t}, {@code \n} and {@code \r}, so that a line always stays one
 * line of exactly its fields. Reading takes a backslash before any other character as that character, and a raw tab
 * in the last field as itself, so records written before tabs were escaped in keys read as they were meant.
 */
public final class RecordLines {
    private RecordLines() {}

    /** The last field as it is written. */
    public static String escape(String name) {
        if (name.indexOf('\\') < 0 && name.indexOf('\t') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The last field as it was before {@link #escape}. */
    public static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * One line, with its end.
     *
     * @param fields the fields before the name, none of which may hold a tab or a line end
     */
    public static String line(List<String> fields, String name) {
        StringBuilder line = new StringBuilder(name.length() + 16 * (fields.size() + 1));
        for (String field : fields) {
            line.append(field).append('\t');
        }
        return line.append(escape(name)).append('\n').toString();
    }

    /** One line whose every field is escaped, with its end: any field may then hold any character. */
    public static String escapedLine(List<String> fields) {
        StringBuilder line = new StringBuilder(16 * (fields.size() + 1));
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            line.append(escape(fields.get(i)));
        }
        return line.append('\n').toString();
    }

    /** The fields of a line of {@link #escapedLine} without its end, each one unescaped. */
    public static List<String> escapedFields(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
            fields.add(unescape(line.substring(start, tab)));
            start = tab + 1;
        }
        fields.add(unescape(line.substring(start)));
        return fields;
    }

    /**
     * The fields of a line without its end, the last one unescaped.
     *
     * @param count how many fields the line has, the name included
     * @return empty when the line has fewer
     */
    public static Optional<List<String>> fields(String line, int count) {
        List<String> fields = new ArrayList<>(count);
        int start = 0;
        for (int i = 1; i < count; i++) {
            int tab = line.indexOf('\t', start);
            if (tab < 0) {
                return Optional.empty();
            }
            fields.add(line.substring(start, tab));
            start = tab + 1;
        }
        fields.add(unescape(line.substring(start)));
        return Optional.of(fields);
    }
}
