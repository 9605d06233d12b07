package io.github.cloudfrontmavenplugin.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lock's text, and the CI job each CI system's environment names. */
class LockInfoTest {
    private static final Instant TAKEN = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aLockReadsBackAsWritten() throws Exception {
        LockInfo info = new LockInfo(
                "id-1", "host", "user", "g:a:1", Optional.of("https://ci/job/1"), TAKEN, TAKEN.plusSeconds(60));

        assertEquals(
                "cloudfront-maven-plugin lock 1\nid=id-1\nhost=host\nuser=user\nproject=g:a:1\n"
                        + "ciJob=https://ci/job/1\ntaken=2026-12-06T10:00:00Z\nexpires=2026-12-06T10:01:00Z\n",
                new String(info.bytes(), StandardCharsets.UTF_8));
        assertEquals(info, LockInfo.parse(info.bytes()));
    }

    @Test
    void aLineBreakInAValueCannotForgeAField() throws Exception {
        LockInfo info = new LockInfo(
                "id-2", "host\nid=forged", "user", "g:a:1", Optional.empty(), TAKEN, TAKEN.plusSeconds(60));

        assertEquals("id-2", LockInfo.parse(info.bytes()).id());
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(
                LockInfo.Unreadable.class, () -> LockInfo.parse("{\"ID\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                LockInfo.Unreadable.class,
                () -> LockInfo.parse(
                        "cloudfront-maven-plugin lock 1\nid=x\ntaken=yesterday\nexpires=2026-12-06T10:01:00Z\n"
                                .getBytes(StandardCharsets.UTF_8)));
    }
}
