package io.github.cloudfrontmavenplugin.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployerTest {
    @Test
    void eachCiSystemNamesItsJob() {
        assertEquals(
                Optional.of("https://github.example/o/r/actions/runs/9/attempts/2"),
                ciJob(Map.of(
                        "GITHUB_SERVER_URL", "https://github.example",
                        "GITHUB_REPOSITORY", "o/r",
                        "GITHUB_RUN_ID", "9",
                        "GITHUB_RUN_ATTEMPT", "2")));
        assertEquals(
                Optional.of("https://gitlab.example/o/r/-/jobs/5"),
                ciJob(Map.of("CI_JOB_URL", "https://gitlab.example/o/r/-/jobs/5")));
        assertEquals(
                Optional.of("https://jenkins.example/job/site/12/"),
                ciJob(Map.of("BUILD_URL", "https://jenkins.example/job/site/12/")));
        assertEquals(
                Optional.of("arn:aws:codebuild:eu-west-1:123456789012:build/site:abc"),
                ciJob(Map.of("CODEBUILD_BUILD_ARN", "arn:aws:codebuild:eu-west-1:123456789012:build/site:abc")));
        assertEquals(Optional.empty(), ciJob(Map.<String, String>of()));
    }

    @Test
    void theUserAndHostAreAlwaysNamed() {
        Deployer deployer = Deployer.of(Map.of("HOSTNAME", " runner-7 ")::get);
        assertEquals("runner-7", deployer.host());
        assertEquals(System.getProperty("user.name"), deployer.user());
    }

    private static Optional<String> ciJob(Map<String, String> environment) {
        return Deployer.of(environment::get).ciJob();
    }
}
