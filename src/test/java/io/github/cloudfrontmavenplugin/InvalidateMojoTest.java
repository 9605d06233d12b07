package io.github.cloudfrontmavenplugin;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.ForwardProxy;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import java.time.Duration;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MojoTest
class InvalidateMojoTest {
    private CloudFrontEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        emulator = CloudFrontEmulator.start().completionDelay(Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void pointAtEmulator(InvalidateMojo mojo) throws IllegalAccessException {
        setVariableValueToObject(mojo, "endpoint", emulator.endpoint());
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "skip", value = "true")
    void skipLogsOneLineAndDoesNothingElse(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);

        mojo.execute();

        verify(mojo.getLog()).info("Skipping the CloudFront invalidation (cloudfront.skip)");
        verify(mojo.getLog(), never()).warn(anyString());
        assertTrue(emulator.requests().isEmpty());
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html,docs/read me.html")
    void createsTheInvalidationWithTheDefaults(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);

        mojo.execute();

        List<StoredInvalidation> stored = emulator.invalidations();
        assertEquals(1, stored.size());
        assertEquals(
                List.of("/index.html", "/docs/read%20me.html"), stored.get(0).paths());
        verify(mojo.getLog())
                .info(startsWith("Created invalidation " + stored.get(0).id()));
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "wait", value = "true")
    void waitsForCompletion(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);

        mojo.execute();

        String id = emulator.invalidations().get(0).id();
        verify(mojo.getLog()).info(startsWith("Invalidation " + id + " completed after"));
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = "ENOSUCHDIST")
    @MojoParameter(name = "paths", value = "/index.html")
    void cloudFrontRefusalIsAFailureTheUserCanFix(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("CloudFront has no distribution 'ENOSUCHDIST'"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "paths", value = "/index.html")
    void missingDistributionIdNamesTheParameterAndProperty(InvalidateMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<distributionId> (cloudfront.distributionId) is not set");
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "callerReference", value = "ref-1")
    void dryRunSendsNothing(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);

        mojo.execute();

        verify(mojo.getLog()).info(startsWith("Dry run: would invalidate 1 path on distribution "));
        verify(mojo.getLog()).info("    \"CallerReference\": \"ref-1\"");
        assertTrue(emulator.requests().isEmpty());
    }

    private static Settings settingsWithProxy(int port, String username, String password, String nonProxyHosts) {
        Proxy proxy = new Proxy();
        proxy.setId("corporate");
        proxy.setActive(true);
        proxy.setProtocol("http");
        proxy.setHost("127.0.0.1");
        proxy.setPort(port);
        proxy.setUsername(username);
        proxy.setPassword(password);
        proxy.setNonProxyHosts(nonProxyHosts);
        Settings settings = new Settings();
        settings.addProxy(proxy);
        return settings;
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    void goesThroughTheActiveProxyOfSettingsWithItsCredentials(InvalidateMojo mojo) throws Exception {
        try (ForwardProxy proxy = ForwardProxy.requiringCredentials("build", "proxy-secret")) {
            pointAtEmulator(mojo);
            setVariableValueToObject(mojo, "settings", settingsWithProxy(proxy.port(), "build", "proxy-secret", null));

            mojo.execute();

            assertEquals(1, emulator.invalidations().size());
            List<ForwardProxy.Forwarded> relayed = proxy.forwarded();
            assertTrue(
                    relayed.stream()
                            .anyMatch(r -> r.method().equals("POST")
                                    && r.path()
                                            .equals("/2020-05-31/distribution/" + CloudFrontEmulator.DISTRIBUTION_ID
                                                    + "/invalidation")
                                    && r.status() == 201
                                    && r.proxyAuthorization().isPresent()),
                    relayed.toString());
        }
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    void aProxyThatWantsCredentialsIsNamedAsTheRefusal(InvalidateMojo mojo) throws Exception {
        try (ForwardProxy proxy = ForwardProxy.requiringCredentials("build", "proxy-secret")) {
            pointAtEmulator(mojo);
            setVariableValueToObject(mojo, "settings", settingsWithProxy(proxy.port(), null, null, null));

            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

            assertTrue(
                    e.getMessage().startsWith("The proxy refused the connection to CloudFront (HTTP 407 Proxy"),
                    e.getMessage());
            assertTrue(emulator.invalidations().isEmpty());
        }
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    void nonProxyHostsAreReachedDirectly(InvalidateMojo mojo) throws Exception {
        try (ForwardProxy proxy = ForwardProxy.start()) {
            pointAtEmulator(mojo);
            setVariableValueToObject(
                    mojo, "settings", settingsWithProxy(proxy.port(), null, null, "localhost|127.0.0.*"));

            mojo.execute();

            assertEquals(1, emulator.invalidations().size());
            assertTrue(proxy.forwarded().isEmpty(), proxy.forwarded().toString());
        }
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "roleArn", value = "arn:aws:iam::123456789012:role/site-deployer")
    @MojoParameter(name = "roleSessionName", value = "release-7")
    void assumesTheRoleBeforeCallingCloudFront(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);
        setVariableValueToObject(mojo, "stsEndpoint", emulator.endpoint());

        mojo.execute();

        assertEquals(1, emulator.assumedRoles().size());
        assertEquals("release-7", emulator.assumedRoles().get(0).sessionName());
        assertEquals(
                emulator.assumedRoles().get(0).issuedAccessKeyId(),
                emulator.requests("CreateInvalidation").get(0).accessKeyId().orElseThrow());
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "roleArn", value = "site-deployer")
    void aMalformedRoleArnFailsBeforeAnyCall(InvalidateMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<roleArn> (cloudfront.roleArn) is 'site-deployer'");
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "roleArn", value = "arn:aws:iam::123456789012:role/site-deployer")
    @MojoParameter(name = "stsEndpoint", value = "localhost:4566")
    void aMalformedStsEndpointIsNamedBeforeAnyCall(InvalidateMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(
                mojo, "<stsEndpoint> (cloudfront.stsEndpoint) is 'localhost:4566', which is not an http(s) URL");
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "serverId", value = "no-such-server")
    void anUnknownServerIdSaysWhatToAddToSettings(InvalidateMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(
                mojo,
                "<serverId> (cloudfront.serverId) is 'no-such-server', but settings.xml"
                        + " has no <server> with that <id>.");
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "waitTimeout", value = "-5")
    void badWaitTimeoutFailsBeforeAnyCall(InvalidateMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(mojo, "<waitTimeout> (cloudfront.waitTimeout) is -5");
    }

    /** Runs the Mojo and checks that it failed with a message the user can act on, without calling CloudFront. */
    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "tags", value = "product:tv,Release-42")
    void tagsAreSentWithTheirHashBesideThePaths(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);

        mojo.execute();

        assertEquals(
                List.of("#product:tv", "#Release-42", "/index.html"),
                emulator.invalidations().get(0).paths());
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "tags", value = "product tv")
    void aBadTagNamesTheParameterAndPropertyBeforeAnyCall(InvalidateMojo mojo) throws Exception {
        assertFailsBeforeAnyCall(
                mojo, "Invalid cache tag in <tags> (cloudfront.tags): cache tag '#product tv' contains a space");
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionId", value = "EMULTITENANT1")
    @MojoParameter(name = "paths", value = "/index.html")
    @MojoParameter(name = "allTenants", value = "true")
    void allTenantsInvalidatesEveryTenantOfTheDistribution(InvalidateMojo mojo) throws Exception {
        emulator.addMultiTenantDistribution("EMULTITENANT1")
                .addTenant("dt_first", "EMULTITENANT1", "www.customer1.com")
                .addTenant("dt_second", "EMULTITENANT1", "www.customer2.com");
        pointAtEmulator(mojo);

        mojo.execute();

        assertEquals(1, emulator.invalidations("dt_first").size());
        assertEquals(1, emulator.invalidations("dt_second").size());
        assertEquals(2, emulator.invalidations().size());
    }

    /** Lists written as elements in the POM reach the fields; an empty element names nothing. */
    private static final String LISTS_AS_ELEMENTS = "<project><build><plugins><plugin>"
            + "<artifactId>cloudfront-maven-plugin</artifactId><configuration>"
            + "<distributionIds><distributionId>" + CloudFrontEmulator.DISTRIBUTION_ID + "</distributionId>"
            + "</distributionIds>"
            + "<paths><path>/index.html</path><path/><path>docs/a,b.html</path></paths>"
            + "<tags><tag>release-42</tag><tag/></tags>"
            + "</configuration></plugin></plugins></build></project>";

    @Test
    @InjectMojo(goal = "invalidate", pom = LISTS_AS_ELEMENTS)
    void listsOfElementsInThePomAreTakenElementByElement(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);

        mojo.execute();

        assertEquals(
                List.of("#release-42", "/index.html", "/docs/a,b.html"),
                emulator.invalidations().get(0).paths());
    }

    @Test
    @InjectMojo(goal = "invalidate")
    @MojoParameter(name = "distributionIds", value = "," + CloudFrontEmulator.DISTRIBUTION_ID + ",")
    @MojoParameter(name = "paths", value = ",/index.html,,/about.html,")
    @MojoParameter(name = "tags", value = "release-42,")
    void commaSeparatedListsAreSplitOnEveryCommaAndEmptyItemsNameNothing(InvalidateMojo mojo) throws Exception {
        pointAtEmulator(mojo);

        mojo.execute();

        assertEquals(
                List.of("#release-42", "/index.html", "/about.html"),
                emulator.invalidations().get(0).paths());
    }

    private void assertFailsBeforeAnyCall(InvalidateMojo mojo, String messageStart) throws Exception {
        pointAtEmulator(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertTrue(emulator.requests().isEmpty(), emulator.requests().toString());
    }
}
