package io.github.cloudfrontmavenplugin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Which executions of the plugin's goals a build runs. How many times each module runs this goal: each execution in a
 * module's POM bound to a phase the build reaches. Phases outside Maven's standard lifecycles are not counted, so that
 * a guess errs low (a split batch), never high (a batch held for ever). The goal given on the command line is not counted either: it needs no project, so Maven
 * runs it once for the whole build, like an aggregator, and that one run has nothing to wait for.
 */
public final class ReactorExecutions {
    private static final List<List<String>> LIFECYCLES = List.of(
            List.of(
                    "validate",
                    "initialize",
                    "generate-sources",
                    "process-sources",
                    "generate-resources",
                    "process-resources",
                    "compile",
                    "process-classes",
                    "generate-test-sources",
                    "process-test-sources",
                    "generate-test-resources",
                    "process-test-resources",
                    "test-compile",
                    "process-test-classes",
                    "test",
                    "prepare-package",
                    "package",
                    "pre-integration-test",
                    "integration-test",
                    "post-integration-test",
                    "verify",
                    "install",
                    "deploy"),
            List.of("pre-clean", "clean", "post-clean"),
            List.of("pre-site", "site", "post-site", "site-deploy"));

    private ReactorExecutions() {}

    static String module(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
    }

    static Map<String, Integer> expected(MavenSession session, MojoExecution execution) {
        String pluginKey = execution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        Set<String> goal = Set.of(execution.getMojoDescriptor().getGoal());
        String defaultPhase = execution.getMojoDescriptor().getPhase();
        Map<String, Integer> expected = new HashMap<>();
        for (MavenProject project : session.getProjects()) {
            int runs = (int) bound(project, pluginKey, goal, defaultPhase, session.getGoals())
                    .count();
            if (runs > 0) {
                expected.put(module(project), runs);
            }
        }
        return expected;
    }

    /**
     * The first of {@code goals} this build will run for real (neither skipped nor a dry run, as far as properties and
     * literal {@code <skip>}/{@code <dryRun>} settings tell): named on the command line, or bound in a module to a
     * phase the build reaches; described for the log, as {@code cloudfront:invalidate in module g:a:v}.
     */
    public static Optional<String> firstRealRun(
            MavenSession session, String pluginKey, String goalPrefix, Set<String> goals, String defaultPhase) {
        if (isTrue(session, null, "cloudfront.skip") || isTrue(session, null, "cloudfront.dryRun")) {
            return Optional.empty();
        }
        for (String task : session.getGoals()) {
            String[] parts = task.replaceFirst("@.*", "").split(":");
            String goal = parts[parts.length - 1];
            boolean ours = parts.length == 2
                    ? parts[0].equals(goalPrefix)
                    : parts.length > 2 && (parts[0] + ":" + parts[1]).equals(pluginKey);
            if (ours && goals.contains(goal)) {
                return Optional.of(goalPrefix + ":" + goal + " on the command line");
            }
        }
        for (MavenProject project : session.getProjects()) {
            if (isTrue(session, project, "cloudfront.skip") || isTrue(session, project, "cloudfront.dryRun")) {
                continue;
            }
            Optional<PluginExecution> real = bound(project, pluginKey, goals, defaultPhase, session.getGoals())
                    .filter(execution -> !configured(execution, "skip") && !configured(execution, "dryRun"))
                    .findFirst();
            if (real.isPresent()) {
                return Optional.of(goalPrefix + ":"
                        + real.get().getGoals().stream()
                                .filter(goals::contains)
                                .findFirst()
                                .orElseThrow()
                        + " in module " + module(project));
            }
        }
        return Optional.empty();
    }

    /** The executions of {@code goals} in {@code project}'s POM bound to a phase the build reaches. */
    private static Stream<PluginExecution> bound(
            MavenProject project, String pluginKey, Set<String> goals, String defaultPhase, List<String> tasks) {
        return project.getBuildPlugins().stream()
                .filter(plugin -> plugin.getKey().equals(pluginKey))
                .flatMap(plugin -> plugin.getExecutions().stream())
                .filter(execution -> execution.getGoals().stream().anyMatch(goals::contains)
                        && reached(execution.getPhase() != null ? execution.getPhase() : defaultPhase, tasks));
    }

    /** A boolean parameter's property set to true where Maven looks for it: the command line, then the POM. */
    private static boolean isTrue(MavenSession session, MavenProject project, String property) {
        String value = session.getUserProperties().getProperty(property);
        if (value == null) {
            value = session.getSystemProperties().getProperty(property);
        }
        if (value == null && project != null) {
            value = project.getProperties().getProperty(property);
        }
        return Boolean.parseBoolean(value);
    }

    /** Whether the execution's configuration sets {@code parameter} to a literal true. */
    private static boolean configured(PluginExecution execution, String parameter) {
        return execution.getConfiguration() instanceof Xpp3Dom configuration
                && configuration.getChild(parameter) != null
                && Boolean.parseBoolean(configuration.getChild(parameter).getValue());
    }

    /** Whether a task of the build is {@code phase} or a later phase of its lifecycle. */
    private static boolean reached(String phase, List<String> tasks) {
        for (List<String> lifecycle : LIFECYCLES) {
            int index = lifecycle.indexOf(phase);
            if (index >= 0) {
                return tasks.stream().anyMatch(task -> lifecycle.indexOf(task) >= index);
            }
        }
        return false;
    }
}
