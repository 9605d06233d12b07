package io.github.cloudfrontmavenplugin.cloudfront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.FixedRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class GrowingDelayTest {
    private static final GrowingDelay POLL = GrowingDelay.POLL;

    @Test
    void startsAtAboutOneSecondAndNeverExceedsTwentySeconds() {
        RandomGenerator random = new SplittableRandom(1);
        for (int trial = 0; trial < 1000; trial++) {
            long first = POLL.delay(Duration.ZERO, random).toMillis();
            assertTrue(first >= 900 && first <= 1100, first + " ms");
            for (int seconds = 0; seconds < 3600; seconds += 60) {
                assertTrue(POLL.delay(Duration.ofSeconds(seconds), random).compareTo(Duration.ofSeconds(20)) <= 0);
            }
        }
        assertTrue(POLL.delay(Duration.ofMinutes(10), new SplittableRandom(2)).toMillis() >= 18_000);
    }

    @Test
    void jitterSpreadsTheDelays() {
        RandomGenerator random = new SplittableRandom(3);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(POLL.delay(Duration.ofSeconds(30), random).toMillis());
        }
        assertTrue(seen.size() > 40, "delays: " + seen);
    }

    /** Polls on the schedule with the largest jitter, and says how long after {@code completesAt} one sees it. */
    private static double[] noticedLateAndPolls(double completesAt) {
        GrowingDelay slowest = new GrowingDelay(POLL.floor(), POLL.share(), POLL.cap(), POLL.jitter());
        RandomGenerator alwaysHigh = FixedRandom.ofFraction(0.999999);
        double t = 0;
        int polls = 0;
        while (t < completesAt) {
            t += slowest.delay(Duration.ofMillis((long) (t * 1000)), alwaysHigh).toMillis() / 1000.0;
            polls++;
        }
        return new double[] {t - completesAt, polls};
    }

    @Test
    void aTenSecondInvalidationIsSeenDoneWithinAboutTwoSeconds() {
        for (double completesAt = 0.5; completesAt <= 10; completesAt += 0.1) {
            double late = noticedLateAndPolls(completesAt)[0];
            assertTrue(late <= 2.25, completesAt + " s noticed " + late + " s late");
        }
    }

    @Test
    void aTenMinuteInvalidationCostsFewCalls() {
        double[] tenMinutes = noticedLateAndPolls(600);
        // The SDK's waiter (fixed 20 s) makes 30 calls for 10 minutes; this schedule makes about half as many again.
        assertTrue(tenMinutes[1] <= 50, tenMinutes[1] + " polls");
        assertTrue(tenMinutes[0] <= 20, tenMinutes[0] + " s late");
    }

    @Test
    void refusesANonsensicalSchedule() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new GrowingDelay(Duration.ofSeconds(2), 0.2, Duration.ofSeconds(1), 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new GrowingDelay(Duration.ofSeconds(1), -1, Duration.ofSeconds(2), 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new GrowingDelay(Duration.ofSeconds(1), 0.2, Duration.ofSeconds(2), 1));
        assertEquals(
                Duration.ofSeconds(5),
                GrowingDelay.IN_PROGRESS_LIMIT.delay(Duration.ZERO, FixedRandom.ofFraction(0.5)));
    }
}
