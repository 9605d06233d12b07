package io.github.cloudfrontmavenplugin.lock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a lock says about its holder, stored as UTF-8 lines: {@code cloudfront-maven-plugin lock 1}, then {@code
 * key=value} lines: {@code id} (random, what {@code cloudfront:unlock} asks for), {@code host}, {@code user}, {@code
 * project} ({@code groupId:artifactId:version}), {@code ciJob} (the CI job's URL, when the build runs in CI), {@code
 * taken} and {@code expires} (ISO-8601 instants, UTC). Readable with {@code aws s3 cp s3://bucket/key.lock -}.
 */
public record LockInfo(
        String id, String host, String user, String project, Optional<String> ciJob, Instant taken, Instant expires) {
    static final String HEADER = "cloudfront-maven-plugin lock 1";

    /** A lock that cannot be read as one. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    LockInfo renewedUntil(Instant until) {
        return new LockInfo(id, host, user, project, ciJob, taken, until);
    }

    byte[] bytes() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("host", host);
        fields.put("user", user);
        fields.put("project", project);
        ciJob.ifPresent(job -> fields.put("ciJob", job));
        fields.put("taken", taken.toString());
        fields.put("expires", expires.toString());
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        // Values come from the environment: a line break in one must not start a field of its own.
        fields.forEach((key, value) -> out.append(key)
                .append('=')
                .append(value.replaceAll("[\\r\\n]", " "))
                .append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static LockInfo parse(byte[] content) throws Unreadable {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw new Unreadable("it does not start with the line '" + HEADER + "'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int equals = lines[i].indexOf('=');
            if (equals > 0) {
                fields.put(
                        lines[i].substring(0, equals),
                        lines[i].substring(equals + 1).strip());
            }
        }
        for (String required : new String[] {"id", "taken", "expires"}) {
            if (!fields.containsKey(required) || fields.get(required).isEmpty()) {
                throw new Unreadable("it has no " + required);
            }
        }
        try {
            return new LockInfo(
                    fields.get("id"),
                    fields.getOrDefault("host", "?"),
                    fields.getOrDefault("user", "?"),
                    fields.getOrDefault("project", "?"),
                    Optional.ofNullable(fields.get("ciJob")).filter(job -> !job.isEmpty()),
                    Instant.parse(fields.get("taken")),
                    Instant.parse(fields.get("expires")));
        } catch (DateTimeParseException e) {
            throw new Unreadable("its times are not ISO-8601 instants: " + e.getMessage());
        }
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** For messages: {@code it.example:site:1.0 on ci-7 by runner (https://github.com/o/r/actions/runs/1)}. */
    public String holder() {
        return project + " on " + host + " by " + user
                + ciJob.map(job -> " (" + job + ")").orElse("");
    }
}
