package io.github.cloudfrontmavenplugin.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * The IDs of deploys: the time it started to the millisecond in UTC, then four random hex digits, such as {@code
 * 20261206T031500.123Z-3f9a}. They sort by time as text, read as a time, and two deploys that start in the same
 * millisecond still differ.
 */
public final class DeployIds {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DeployIds() {}

    public static String next(Instant now, RandomGenerator random) {
        return TIME.format(now) + "-" + String.format("%04x", random.nextInt(0x10000));
    }
}
