package io.github.cloudfrontmavenplugin.base;

import java.util.Locale;

/** Numbers as the log shows them: {@code 9,969} and {@code 2.4 MiB}. */
public final class Sizes {
    private Sizes() {}

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public static String files(long n) {
        return count(n) + (n == 1 ? " file" : " files");
    }
}
