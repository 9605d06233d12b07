package io.github.cloudfrontmavenplugin.core;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings and numbers as JSON indented the way the AWS CLI prints it, so what the plugin prints
 * or saves can be read by the same tools that read the CLI's output.
 */
public final class Json {
    private static final String INDENT = "    ";

    private Json() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value instanceof Map<?, ?> map) {
            writeEntries(map.entrySet().iterator(), out, indent, '{', '}', true);
        } else if (value instanceof List<?> list) {
            writeEntries(list.iterator(), out, indent, '[', ']', false);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value == null) {
            out.append("null");
        } else {
            quote(value.toString(), out);
        }
    }

    private static void writeEntries(
            Iterator<?> entries, StringBuilder out, String indent, char open, char close, boolean keyed) {
        if (!entries.hasNext()) {
            out.append(open).append(close);
            return;
        }
        String inner = indent + INDENT;
        out.append(open).append('\n');
        while (entries.hasNext()) {
            Object entry = entries.next();
            out.append(inner);
            if (keyed) {
                Map.Entry<?, ?> keyValue = (Map.Entry<?, ?>) entry;
                quote(String.valueOf(keyValue.getKey()), out);
                out.append(": ");
                write(keyValue.getValue(), out, inner);
            } else {
                write(entry, out, inner);
            }
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append(close);
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
