package io.github.cloudfrontmavenplugin;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.verify;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import java.time.Duration;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

@MojoTest
class GetInvalidationMojoTest {
    private CloudFrontEmulator emulator;
    private String id;

    @BeforeEach
    void start() throws Exception {
        emulator = CloudFrontEmulator.start().completionDelay(Duration.ofMillis(1200));
        try (CloudFrontClient client = EmulatorClients.cloudFront(emulator)) {
            id = client.createInvalidation(r -> r.distributionId(CloudFrontEmulator.DISTRIBUTION_ID)
                            .invalidationBatch(b -> b.callerReference("r")
                                    .paths(p -> p.quantity(1).items("/a"))))
                    .invalidation()
                    .id();
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    @InjectMojo(goal = "get-invalidation")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "wait", value = "true")
    void printsAndWaits(GetInvalidationMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "endpoint", emulator.endpoint());
        setVariableValueToObject(mojo, "invalidationId", id);

        mojo.execute();

        verify(mojo.getLog()).info("        \"Id\": \"" + id + "\",");
        verify(mojo.getLog()).info(org.mockito.ArgumentMatchers.startsWith("Invalidation " + id + " completed after"));
    }

    @Test
    @InjectMojo(goal = "get-invalidation")
    @MojoParameter(name = "distributionId", value = CloudFrontEmulator.DISTRIBUTION_ID)
    @MojoParameter(name = "invalidationId", value = "INOSUCHONE")
    void unknownInvalidationIsAFailureTheUserCanFix(GetInvalidationMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "endpoint", emulator.endpoint());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("has no invalidation 'INOSUCHONE'"), e.getMessage());
    }
}
