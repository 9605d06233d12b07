package io.github.cloudfrontmavenplugin.history;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The IDs of deploys: the time it started to the millisecond in UTC, then four random hex digits, such as {@code
 * 20261206T031500.123Z-3f9a}. They sort by time as text, read as a time, and two deploys that start in the same
 * millisecond still differ.
 */
public final class DeployIds {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DeployIds() {}

    private static final Pattern FORM = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{4}");

    public static String next(Instant now, RandomGenerator random) {
        return TIME.format(now) + "-" + String.format("%04x", random.nextInt(0x10000));
    }

    /**
     * Refuses what cannot be a deploy's ID before the deploy reads anything: a typo, or an invalidation's ID pasted in
     * its place.
     *
     * @param parameter the parameter the ID comes from, for the message
     */
    public static String check(String id, String parameter) throws UserFixableException {
        if (!FORM.matcher(id).matches()) {
            throw new UserFixableException(parameter + " is '" + id + "', which is not a deploy ID: those look like "
                    + "20261206T031500.123Z-3f9a. cloudfront:history lists the kept deploys with their IDs.");
        }
        return id;
    }
}
