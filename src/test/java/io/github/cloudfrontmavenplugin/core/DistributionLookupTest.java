package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code distributionId} given as a domain name: found with ListDistributions over HTTP, across every page. */
class DistributionLookupTest {
    private EmulatedCloudFront cloudFront;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5));
        for (int i = 0; i < 240; i++) {
            cloudFront.emulator.addDistribution(String.format("E%013d", i), "site" + i + ".example.org");
        }
        cloudFront.emulator.addDistribution("ELASTPAGE", "docs.example.com", "*.shop.example.com");
    }

    @AfterEach
    void stop() {
        cloudFront.close();
    }

    private String find(String domain) throws UserFixableException {
        try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(cloudFront.connection)) {
            return DistributionIds.resolve(api, DistributionIds.require(domain), progress)
                    .id();
        }
    }

    @Test
    void findsADistributionByAliasOnTheLastPage() throws UserFixableException {
        assertEquals("ELASTPAGE", find("Docs.Example.com"));
        assertEquals(3, cloudFront.emulator.requests("ListDistributions").size());
        assertTrue(progress.info.contains("Distribution docs.example.com is ELASTPAGE"), progress.all());
    }

    @Test
    void findsADistributionByItsCloudFrontDomain() throws UserFixableException {
        assertEquals(CloudFrontEmulator.DISTRIBUTION_ID, find("dedfdvbd6example.cloudfront.net"));
    }

    @Test
    void aWildcardAliasServesOneLevelOfSubdomains() throws UserFixableException {
        assertEquals("ELASTPAGE", find("www.shop.example.com"));
        assertTrue(assertThrows(UserFixableException.class, () -> find("a.b.shop.example.com"))
                .getMessage()
                .startsWith("No CloudFront distribution these credentials can see serves 'a.b.shop.example.com'"));
    }

    @Test
    void anIdIsUsedAsItIsWithoutALookup() throws UserFixableException {
        assertEquals("EANYID", find("EANYID"));
        assertTrue(cloudFront.emulator.requests().isEmpty());
    }

    @Test
    void noMatchListsWhatTheAccountHas() {
        UserFixableException e = assertThrows(UserFixableException.class, () -> find("www.nowhere.net"));
        assertTrue(
                e.getMessage()
                        .contains("The account has 242 distributions: EDFDVBD6EXAMPLE"
                                + " (dedfdvbd6example.cloudfront.net, www.example.com)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("; ...") && e.getMessage().contains("<distributionId>"), e.getMessage());
    }

    @Test
    void severalMatchesAreAnErrorNamingThem() {
        cloudFront.emulator.addDistribution("ESECOND", "docs.example.com");
        UserFixableException e = assertThrows(UserFixableException.class, () -> find("docs.example.com"));
        assertTrue(e.getMessage().startsWith("2 distributions serve 'docs.example.com': ELASTPAGE"), e.getMessage());
        assertTrue(e.getMessage().contains("ESECOND (desecond.cloudfront.net, docs.example.com)"), e.getMessage());
    }

    @Test
    void aDeniedLookupSaysWhichActionToAllow() {
        cloudFront.emulator.deny("ListDistributions");
        UserFixableException e = assertThrows(UserFixableException.class, () -> find("docs.example.com"));
        assertTrue(e.getMessage().startsWith("CloudFront denied cloudfront:ListDistributions"), e.getMessage());
        assertTrue(e.getMessage()
                .contains("or set <distributionId> (cloudfront.distributionId) to the distribution's ID"));
    }

    @Test
    void getInvalidationAcceptsADomainNameToo() throws Exception {
        String id;
        try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(cloudFront.connection)) {
            id = api.create(Target.distribution("ELASTPAGE"), java.util.List.of("/a"), "ref")
                    .id();
        }
        new GetInvalidation(Connector.CLOUDFRONT, cloudFront.time, new SplittableRandom(1), progress)
                .run(new GetInvalidation.Request(
                        "docs.example.com", id, WaitSettings.NO_WAIT, Optional.empty(), cloudFront.connection));
        assertTrue(progress.info.contains("        \"Id\": \"" + id + "\","), progress.all());
    }
}
