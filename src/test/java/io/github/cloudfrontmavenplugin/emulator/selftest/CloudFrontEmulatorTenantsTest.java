package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.RecordedRequest;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationForDistributionTenantResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionTenant;
import software.amazon.awssdk.services.cloudfront.model.DistributionTenantSummary;
import software.amazon.awssdk.services.cloudfront.model.EntityNotFoundException;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionTenantByDomainResponse;
import software.amazon.awssdk.services.cloudfront.model.InvalidArgumentException;
import software.amazon.awssdk.services.cloudfront.model.Invalidation;
import software.amazon.awssdk.services.cloudfront.model.InvalidationSummary;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionTenantsResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchInvalidationException;
import software.amazon.awssdk.services.cloudfront.model.TooManyInvalidationsInProgressException;

/** The emulator's distribution tenants and cache tags, driven by the real SDK client over HTTP. */
class CloudFrontEmulatorTenantsTest {
    static final String MULTI = "EMULTITENANT1";
    static final String TENANT_1 = "dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB";
    static final String TENANT_2 = "dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));
    private CloudFrontEmulator emulator;
    private CloudFrontClient client;

    @BeforeEach
    void start() throws IOException {
        emulator = CloudFrontEmulator.start(0, Duration.ofSeconds(30), now::get)
                .addMultiTenantDistribution(MULTI)
                .addTenant(TENANT_1, MULTI, "www.customer1.com")
                .addTenant(TENANT_2, MULTI, "www.customer2.com", "customer2.com");
        client = EmulatorClients.cloudFront(emulator);
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private CreateInvalidationForDistributionTenantResponse create(String tenant, String reference, String... paths) {
        return client.createInvalidationForDistributionTenant(r -> r.id(tenant)
                .invalidationBatch(b -> b.callerReference(reference)
                        .paths(p -> p.quantity(paths.length).items(paths))));
    }

    @Test
    void tenantInvalidationAnswers201WithTheTenantsLocation() {
        CreateInvalidationForDistributionTenantResponse response =
                create(TENANT_1, "ref-1", "/index.html", "#product:tv");

        Invalidation invalidation = response.invalidation();
        assertEquals("InProgress", invalidation.status());
        assertEquals(
                List.of("/index.html", "#product:tv"),
                invalidation.invalidationBatch().paths().items());
        assertEquals(
                emulator.endpoint() + "/2020-05-31/distribution-tenant/" + TENANT_1 + "/invalidation/"
                        + invalidation.id(),
                response.location());
        RecordedRequest request =
                emulator.requests("CreateInvalidationForDistributionTenant").get(0);
        assertEquals("/2020-05-31/distribution-tenant/" + TENANT_1 + "/invalidation", request.path());
        assertTrue(request.body().contains("<Path>#product:tv</Path>"), request.body());
        assertEquals(
                List.of(TENANT_1),
                emulator.invalidations(TENANT_1).stream()
                        .map(StoredInvalidation::distributionId)
                        .toList());
    }

    @Test
    void tenantInvalidationIsReadAndListedThroughTheTenant() {
        String first = create(TENANT_1, "r1", "/a").invalidation().id();
        now.set(now.get().plusSeconds(1));
        String second = create(TENANT_1, "r2", "/b").invalidation().id();
        create(TENANT_2, "r3", "/c");

        Invalidation read = client.getInvalidationForDistributionTenant(
                        r -> r.distributionTenantId(TENANT_1).id(first))
                .invalidation();
        assertEquals(List.of("/a"), read.invalidationBatch().paths().items());
        List<String> listed = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            var page = client.listInvalidationsForDistributionTenant(
                            r -> r.id(TENANT_1).maxItems(1).marker(m))
                    .invalidationList();
            page.items().stream().map(InvalidationSummary::id).forEach(listed::add);
            marker = page.isTruncated() ? page.nextMarker() : null;
        } while (marker != null);
        assertEquals(List.of(second, first), listed);
        assertThrows(
                NoSuchInvalidationException.class,
                () -> client.getInvalidationForDistributionTenant(
                        r -> r.distributionTenantId(TENANT_2).id(first)));
    }

    @Test
    void unknownTenantIsEntityNotFound() {
        EntityNotFoundException e =
                assertThrows(EntityNotFoundException.class, () -> create("dt_nosuchtenant", "r1", "/a"));
        assertEquals(404, e.statusCode());
        assertEquals("EntityNotFound", e.awsErrorDetails().errorCode());
        assertThrows(
                EntityNotFoundException.class,
                () -> client.getInvalidationForDistributionTenant(
                        r -> r.distributionTenantId("dt_nosuchtenant").id("I1")));
    }

    @Test
    void theMultiTenantDistributionItselfIsNoSuchDistribution() {
        NoSuchDistributionException e = assertThrows(
                NoSuchDistributionException.class,
                () -> client.createInvalidation(r -> r.distributionId(MULTI)
                        .invalidationBatch(b ->
                                b.callerReference("r").paths(p -> p.quantity(1).items("/a")))));
        assertEquals(404, e.statusCode());
        assertEquals(
                "tenant-only",
                client.getDistribution(r -> r.id(MULTI))
                        .distribution()
                        .distributionConfig()
                        .connectionModeAsString());
    }

    @Test
    void tenantIsFoundByDomainWithItsETag() {
        GetDistributionTenantByDomainResponse response =
                client.getDistributionTenantByDomain(r -> r.domain("customer2.com"));

        DistributionTenant tenant = response.distributionTenant();
        assertEquals(TENANT_2, tenant.id());
        assertEquals(MULTI, tenant.distributionId());
        assertEquals("arn:aws:cloudfront::123456789012:distribution-tenant/" + TENANT_2, tenant.arn());
        assertEquals(
                List.of("www.customer2.com", "customer2.com"),
                tenant.domains().stream().map(d -> d.domain()).toList());
        assertFalse(response.eTag().isEmpty());
        assertThrows(
                EntityNotFoundException.class,
                () -> client.getDistributionTenantByDomain(r -> r.domain("www.nobody.com")));
    }

    @Test
    void tenantIsFoundByIdNameOrArn() {
        for (String identifier : List.of(
                TENANT_1,
                "tenant-2wjdzi3hd1ivoxf6rpzjosne1ab",
                "arn:aws:cloudfront::123456789012:distribution-tenant/" + TENANT_1)) {
            var response = client.getDistributionTenant(r -> r.identifier(identifier));
            assertEquals(TENANT_1, response.distributionTenant().id(), identifier);
            assertFalse(response.eTag().isEmpty());
        }
    }

    @Test
    void listsTheTenantsOfADistributionPageByPage() {
        emulator.addMultiTenantDistribution("EOTHERMULTI").addTenant("dt_other", "EOTHERMULTI", "other.example");
        emulator.addTenant("dt_third", MULTI, "www.customer3.com");

        List<String> listed = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListDistributionTenantsResponse page =
                    client.listDistributionTenants(r -> r.associationFilter(f -> f.distributionId(MULTI))
                            .maxItems(2)
                            .marker(m));
            page.distributionTenantList().stream()
                    .map(DistributionTenantSummary::id)
                    .forEach(listed::add);
            marker = page.nextMarker();
            pages++;
        } while (marker != null);

        assertEquals(List.of(TENANT_1, TENANT_2, "dt_third"), listed);
        assertEquals(2, pages);
        String body = emulator.requests("ListDistributionTenants").get(0).body();
        assertTrue(
                body.contains("<AssociationFilter><DistributionId>" + MULTI + "</DistributionId></AssociationFilter>"),
                body);
    }

    @Test
    void tagsFollowCloudFrontsRules() {
        for (String bad : List.of("#", "#a,b", "#a b", "#product:*", "#caf\u00e9", "#" + "t".repeat(257))) {
            InvalidArgumentException e =
                    assertThrows(InvalidArgumentException.class, () -> create(TENANT_1, "r-" + bad.hashCode(), bad));
            assertTrue(e.getMessage().contains("invalid invalidation paths"), e.getMessage());
        }
        create(TENANT_1, "ok", "#" + "t".repeat(256), "#Product:TV");
        assertEquals(1, emulator.invalidations().size());
    }

    @Test
    void tenantsShareTheirDistributionsInProgressLimitAndTagsCountAsPaths() {
        create(TENANT_1, "r1", IntStream.range(0, 2000).mapToObj(i -> "#t" + i).toArray(String[]::new));
        create(
                TENANT_2,
                "r2",
                IntStream.range(0, 15).mapToObj(i -> "/w" + i + "/*").toArray(String[]::new));

        assertThrows(
                TooManyInvalidationsInProgressException.class,
                () -> create(
                        TENANT_2,
                        "r3",
                        IntStream.range(0, 1001).mapToObj(i -> "/p" + i).toArray(String[]::new)));
        create(TENANT_2, "r4", IntStream.range(0, 1000).mapToObj(i -> "/p" + i).toArray(String[]::new));
    }

    @Test
    void sameReferenceOnAnotherTenantIsAnotherInvalidation() {
        String one = create(TENANT_1, "deploy-7", "/a").invalidation().id();
        String again = create(TENANT_1, "deploy-7", "/a").invalidation().id();
        String other = create(TENANT_2, "deploy-7", "/a").invalidation().id();

        assertEquals(one, again);
        assertFalse(one.equals(other));
    }

    @Test
    void accessCanBeDeniedOnOneTenant() {
        emulator.deny("CreateInvalidationForDistributionTenant", TENANT_2);

        create(TENANT_1, "r1", "/a");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> create(TENANT_2, "r2", "/a"));
        assertTrue(
                e.getMessage()
                        .contains("cloudfront:CreateInvalidationForDistributionTenant on resource:"
                                + " arn:aws:cloudfront::123456789012:distribution-tenant/" + TENANT_2),
                e.getMessage());
    }

    @Test
    void faultsApplyToTenantOperations() {
        emulator.inject("CreateInvalidationForDistributionTenant", Fault.throttling());
        emulator.inject("GetDistributionTenantByDomain", Fault.serverError(503));
        emulator.inject("ListDistributionTenants", Fault.dropConnectionAfterCommit());

        create(TENANT_1, "r1", "/a");
        client.getDistributionTenantByDomain(r -> r.domain("www.customer1.com"));
        client.listDistributionTenants(r -> r.associationFilter(f -> f.distributionId(MULTI)));

        assertEquals(
                List.of(400, 201),
                emulator.requests("CreateInvalidationForDistributionTenant").stream()
                        .map(RecordedRequest::status)
                        .toList());
        assertEquals(
                List.of(503, 200),
                emulator.requests("GetDistributionTenantByDomain").stream()
                        .map(RecordedRequest::status)
                        .toList());
        assertEquals(
                List.of(0, 200),
                emulator.requests("ListDistributionTenants").stream()
                        .map(RecordedRequest::status)
                        .toList());
        assertEquals(1, emulator.invalidations().size());
    }

    @Test
    void completesOnReadIgnoresTheClock() {
        emulator.completesOnRead(3);
        String id = create(TENANT_1, "r1", "/a").invalidation().id();
        now.set(now.get().plusSeconds(3600));

        List<String> statuses = IntStream.range(0, 3)
                .mapToObj(i -> client.getInvalidationForDistributionTenant(
                                r -> r.distributionTenantId(TENANT_1).id(id))
                        .invalidation()
                        .status())
                .toList();

        assertEquals(List.of("InProgress", "InProgress", "Completed"), statuses);
    }
}
