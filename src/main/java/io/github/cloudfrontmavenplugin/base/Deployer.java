package io.github.cloudfrontmavenplugin.base;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who runs a deploy, as its lock tells the others and its record in the history keeps it: the host, the user, and the
 * CI job it runs in.
 *
 * @param ciJob the URL of the CI job, where the CI system tells it
 */
public record Deployer(String host, String user, Optional<String> ciJob) {
    /** This process's deployer, as {@code environment} (the process environment) and the JVM tell it. */
    public static Deployer of(Function<String, String> environment) {
        return new Deployer(host(environment), user(environment), ciJob(environment));
    }

    private static String host(Function<String, String> environment) {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = environment.apply(variable);
            if (present(name)) {
                return name.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    private static String user(Function<String, String> environment) {
        String user = System.getProperty("user.name");
        if (present(user)) {
            return user;
        }
        String fromEnvironment = environment.apply("USER");
        return present(fromEnvironment) ? fromEnvironment : "unknown user";
    }

    /**
     * The URL of the CI job, where the CI system tells it: GitHub Actions (the run), GitLab CI (the job), Jenkins (the
     * build), AWS CodeBuild (the build's console URL, or its ARN).
     */
    private static Optional<String> ciJob(Function<String, String> environment) {
        String server = environment.apply("GITHUB_SERVER_URL");
        String repository = environment.apply("GITHUB_REPOSITORY");
        String run = environment.apply("GITHUB_RUN_ID");
        if (present(repository) && present(run)) {
            String attempt = environment.apply("GITHUB_RUN_ATTEMPT");
            return Optional.of((present(server) ? server.strip() : "https://github.com") + "/" + repository.strip()
                    + "/actions/runs/" + run.strip() + (present(attempt) ? "/attempts/" + attempt.strip() : ""));
        }
        for (String variable : new String[] {"CI_JOB_URL", "BUILD_URL", "CODEBUILD_BUILD_URL", "CODEBUILD_BUILD_ARN"}) {
            String value = environment.apply(variable);
            if (present(value)) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
