package io.github.cloudfrontmavenplugin.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.FixedRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class CallerReferencesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T23:15:00.123Z");

    @Test
    void namesTheOriginTheTimeAndARandomPart() {
        String reference =
                CallerReferences.generate("my-site", NOW, Map.<String, String>of()::get, FixedRandom.ofInt(0x3f9a2c1e));
        assertEquals("mvn-my-site-20261120T231500Z-3f9a2c1e", reference);
    }

    @Test
    void namesTheCiRun() {
        assertEquals(
                "gh7301234567.2",
                CallerReferences.ciRun(Map.of("GITHUB_RUN_ID", "7301234567", "GITHUB_RUN_ATTEMPT", "2")::get));
        assertEquals("gl99", CallerReferences.ciRun(Map.of("CI_JOB_ID", "99")::get));
        assertEquals("jenkins-site-17", CallerReferences.ciRun(Map.of("BUILD_TAG", "jenkins-site-17")::get));
        assertEquals("", CallerReferences.ciRun(Map.<String, String>of()::get));

        String reference = CallerReferences.generate(
                "site",
                NOW,
                Map.of("GITHUB_RUN_ID", "7301234567", "GITHUB_RUN_ATTEMPT", "1")::get,
                FixedRandom.ofInt(1));
        assertEquals("mvn-site-20261120T231500Z-gh7301234567.1-00000001", reference);
    }

    @Test
    void isUniquePerBuildEvenInTheSameSecond() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(CallerReferences.generate(
                    "site", NOW, Map.<String, String>of()::get, RandomGenerator.getDefault()));
        }
        assertTrue(seen.size() >= 999, "collisions: " + (1000 - seen.size()));
    }

    @Test
    void keepsToSafeCharactersAndABoundedLength() {
        String reference = CallerReferences.generate(
                "weird name/with:chars" + "x".repeat(200),
                NOW,
                Map.of("BUILD_TAG", "jenkins-folder/job name-" + "y".repeat(200))::get,
                FixedRandom.ofInt(7));
        assertTrue(reference.matches("[A-Za-z0-9._-]+"), reference);
        assertTrue(reference.length() <= 128, reference.length() + ": " + reference);
        assertNotEquals("", reference);
    }

    @Test
    void withoutAProjectItSaysCli() {
        assertTrue(CallerReferences.generate(null, NOW, Map.<String, String>of()::get, FixedRandom.ofInt(1))
                .startsWith("mvn-cli-"));
    }
}
