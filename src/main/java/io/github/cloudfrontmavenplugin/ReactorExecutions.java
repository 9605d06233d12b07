package io.github.cloudfrontmavenplugin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/**
 * How many times each module of the build runs this goal: each execution in a module's POM bound to a phase the build
 * reaches. Phases outside Maven's standard lifecycles are not counted, so that a guess errs low (a split batch), never
 * high (a batch held for ever). The goal given on the command line is not counted either: it needs no project, so Maven
 * runs it once for the whole build, like an aggregator, and that one run has nothing to wait for.
 */
final class ReactorExecutions {
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
        String goal = execution.getMojoDescriptor().getGoal();
        String defaultPhase = execution.getMojoDescriptor().getPhase();
        List<String> tasks = session.getGoals();
        Map<String, Integer> expected = new HashMap<>();
        for (MavenProject project : session.getProjects()) {
            int runs = 0;
            for (Plugin build : project.getBuildPlugins()) {
                if (!build.getKey().equals(pluginKey)) {
                    continue;
                }
                for (PluginExecution bound : build.getExecutions()) {
                    String phase = bound.getPhase() != null ? bound.getPhase() : defaultPhase;
                    if (bound.getGoals().contains(goal) && reached(phase, tasks)) {
                        runs++;
                    }
                }
            }
            if (runs > 0) {
                expected.put(module(project), runs);
            }
        }
        return expected;
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
