package io.github.cloudfrontmavenplugin.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.publish.BucketLocation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RollbackTargetTest {
    private static final BucketLocation WWW = new BucketLocation("www", "site/");
    private static final String WHERE = "s3://deploys/manifest.txt.history";

    private static DeployRecord record(String id, String location) {
        Instant at = Instant.parse("2026-12-06T03:00:00Z");
        return new DeployRecord(
                id,
                at,
                at,
                "host",
                "user",
                Optional.empty(),
                "g:a:1",
                Optional.empty(),
                Optional.empty(),
                location,
                new DeployRecord.Counts(0, 0, 0, 0, 0),
                List.of(),
                new TreeMap<>());
    }

    private static final DeployHistory THREE = DeployHistory.EMPTY
            .with(record("20261201T000000.000Z-0001", "s3://www/site/"), 20)
            .with(record("20261202T000000.000Z-0002", "s3://www/site/"), 20)
            .with(record("20261203T000000.000Z-0003", "s3://www/site/"), 20);

    @Test
    void byDefaultTheDeployBeforeTheNewest() throws Exception {
        assertEquals(
                "20261202T000000.000Z-0002",
                RollbackTarget.choose(THREE, Optional.empty(), WHERE, WWW).id());
    }

    @Test
    void anyKeptDeployByItsId() throws Exception {
        assertEquals(
                "20261201T000000.000Z-0001",
                RollbackTarget.choose(THREE, Optional.of(" 20261201T000000.000Z-0001 "), WHERE, WWW)
                        .id());
    }

    @Test
    void anIdNotKeptIsRefusedListingTheKeptOnes() {
        UserFixableException refused = assertThrows(
                UserFixableException.class,
                () -> RollbackTarget.choose(THREE, Optional.of("20251201T000000.000Z-9999"), WHERE, WWW));
        assertTrue(
                refused.getMessage()
                        .startsWith("<rollbackTo> (cloudfront.rollbackTo) is '20251201T000000.000Z-9999', which is not"
                                + " a kept deploy of " + WHERE + ". The kept deploys, newest first:"
                                + " 20261203T000000.000Z-0003, 20261202T000000.000Z-0002, 20261201T000000.000Z-0001."),
                refused.getMessage());
    }

    @Test
    void noHistoryIsRefused() {
        UserFixableException refused = assertThrows(
                UserFixableException.class,
                () -> RollbackTarget.choose(DeployHistory.EMPTY, Optional.empty(), WHERE, WWW));
        assertTrue(refused.getMessage().startsWith("There is no deploy history at " + WHERE), refused.getMessage());
    }

    @Test
    void oneDeployLeavesNothingBeforeIt() {
        DeployHistory one = DeployHistory.EMPTY.with(record("20261201T000000.000Z-0001", "s3://www/site/"), 20);
        UserFixableException refused = assertThrows(
                UserFixableException.class, () -> RollbackTarget.choose(one, Optional.empty(), WHERE, WWW));
        assertTrue(refused.getMessage().startsWith("Only one deploy is kept"), refused.getMessage());
    }

    @Test
    void aDeployToAnotherPlaceIsRefused() {
        DeployHistory moved = THREE.with(record("20261204T000000.000Z-0004", "s3://www/v2/"), 20);
        UserFixableException refused = assertThrows(
                UserFixableException.class,
                () -> RollbackTarget.choose(moved, Optional.of("20261204T000000.000Z-0004"), WHERE, WWW));
        assertTrue(
                refused.getMessage()
                        .startsWith("The deploy 20261204T000000.000Z-0004 published to s3://www/v2/, but <bucket>"),
                refused.getMessage());
    }
}
