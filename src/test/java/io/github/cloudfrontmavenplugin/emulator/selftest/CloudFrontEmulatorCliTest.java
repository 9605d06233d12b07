package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator driven by the AWS CLI (botocore: its own serializer, signer and paginators), for the tenant operations
 * and cache tags: what works against the emulator works against CloudFront the same way. Skipped where no {@code aws}
 * is installed ({@code apt-get install -y awscli}).
 */
class CloudFrontEmulatorCliTest {
    private static final String MULTI = CloudFrontEmulatorTenantsTest.MULTI;
    private static final String TENANT_1 = CloudFrontEmulatorTenantsTest.TENANT_1;
    private static final String TENANT_2 = CloudFrontEmulatorTenantsTest.TENANT_2;

    private CloudFrontEmulator emulator;

    @BeforeAll
    static void requireTheCli() {
        AwsCli.assumeInstalled();
    }

    @BeforeEach
    void start() throws IOException {
        emulator = CloudFrontEmulator.start()
                .addMultiTenantDistribution(MULTI)
                .addTenant(TENANT_1, MULTI, "www.customer1.com")
                .addTenant(TENANT_2, MULTI, "www.customer2.com")
                .addTenant("dt_third", MULTI, "www.customer3.com");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Runs {@code aws cloudfront ...} against the emulator; it must succeed. */
    private String aws(String... args) throws IOException, InterruptedException {
        AwsCli.Run run = AwsCli.run("cloudfront", emulator.endpoint(), args);
        assertEquals(0, run.exit(), String.join(" ", run.command()) + "\n" + run.output());
        return run.output();
    }

    @Test
    void createInvalidationForDistributionTenant() throws Exception {
        String output = aws(
                "create-invalidation-for-distribution-tenant",
                "--id",
                TENANT_1,
                "--invalidation-batch",
                "{\"Paths\":{\"Quantity\":2,\"Items\":[\"/index.html\",\"#product:tv\"]},\"CallerReference\":\"cli-1\"}");

        List<StoredInvalidation> stored = emulator.invalidations(TENANT_1);
        assertEquals(1, stored.size());
        assertEquals(List.of("/index.html", "#product:tv"), stored.get(0).paths());
        assertTrue(
                output.contains("\"Location\": \"" + emulator.endpoint() + "/2020-05-31/distribution-tenant/" + TENANT_1
                        + "/invalidation/" + stored.get(0).id() + "\""),
                output);
        assertTrue(output.contains("\"#product:tv\""), output);

        String read = aws(
                "get-invalidation-for-distribution-tenant",
                "--distribution-tenant-id",
                TENANT_1,
                "--id",
                stored.get(0).id());
        assertTrue(read.contains("\"CallerReference\": \"cli-1\""), read);
    }

    @Test
    void getDistributionTenantByDomain() throws Exception {
        String output = aws("get-distribution-tenant-by-domain", "--domain", "www.customer2.com");

        assertTrue(output.contains("\"Id\": \"" + TENANT_2 + "\""), output);
        assertTrue(output.contains("\"DistributionId\": \"" + MULTI + "\""), output);
        assertTrue(output.contains("\"Domain\": \"www.customer2.com\""), output);
        assertTrue(output.contains("\"ETag\": \""), output);
    }

    @Test
    void listDistributionTenantsFollowsEveryPage() throws Exception {
        String output =
                aws("list-distribution-tenants", "--association-filter", "DistributionId=" + MULTI, "--page-size", "1");

        for (String tenant : List.of(TENANT_1, TENANT_2, "dt_third")) {
            assertTrue(output.contains("\"Id\": \"" + tenant + "\""), output);
        }
        assertEquals(3, emulator.requests("ListDistributionTenants").size());
        assertTrue(emulator.requests("ListDistributionTenants")
                .get(1)
                .body()
                .contains("<Marker>" + TENANT_1 + "</Marker>"));
    }

    @Test
    void createInvalidationWithACacheTag() throws Exception {
        String output = aws(
                "create-invalidation",
                "--distribution-id",
                CloudFrontEmulator.DISTRIBUTION_ID,
                "--paths",
                "#product:tv",
                "/index.html");

        List<StoredInvalidation> stored = emulator.invalidations(CloudFrontEmulator.DISTRIBUTION_ID);
        assertEquals(List.of("#product:tv", "/index.html"), stored.get(0).paths());
        assertTrue(output.contains("\"#product:tv\""), output);
    }
}
