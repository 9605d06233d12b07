package io.github.cloudfrontmavenplugin.batch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Generates the CallerReference of one invalidation request.
 *
 * <p>CloudFront treats a repeated CallerReference with the same paths as the same request and creates nothing, and a
 * repeated one with other paths as an error. So a reference must be new for every deploy, and the same for every retry
 * of one request: it is generated once per plugin execution and reused for all its retries.
 *
 * <p>It reads {@code mvn-<artifactId>-<UTC time>[-<CI run>]-<random>}, for example
 * {@code mvn-my-site-20261120T231500Z-gh7301234567.1-3f9a2c1e}, so the invalidation can be traced to the build that
 * made it: {@code gh<run id>.<attempt>} on GitHub Actions, {@code gl<job id>} on GitLab CI, and Jenkins' {@code
 * BUILD_TAG}.
 */
public final class CallerReferences {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CallerReferences() {}

    public static String generate(
            String origin, Instant now, Function<String, String> environment, RandomGenerator random) {
        List<String> parts = new ArrayList<>();
        parts.add("mvn");
        parts.add(sanitise(origin == null || origin.isBlank() ? "cli" : origin, 48));
        parts.add(TIME.format(now));
        String ciRun = ciRun(environment);
        if (!ciRun.isEmpty()) {
            parts.add(sanitise(ciRun, 40));
        }
        parts.add(String.format("%08x", random.nextInt()));
        return String.join("-", parts);
    }

    /** The references the environment of a typical CI system gives to one run, or "" outside CI. */
    static String ciRun(Function<String, String> environment) {
        String githubRun = environment.apply("GITHUB_RUN_ID");
        if (present(githubRun)) {
            String attempt = environment.apply("GITHUB_RUN_ATTEMPT");
            return "gh" + githubRun + (present(attempt) ? "." + attempt : "");
        }
        String gitlabJob = environment.apply("CI_JOB_ID");
        if (present(gitlabJob)) {
            return "gl" + gitlabJob;
        }
        String jenkinsTag = environment.apply("BUILD_TAG");
        return present(jenkinsTag) ? jenkinsTag : "";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String sanitise(String text, int maxLength) {
        String safe = text.replaceAll("[^A-Za-z0-9._-]+", "_");
        return safe.length() <= maxLength ? safe : safe.substring(0, maxLength);
    }
}
