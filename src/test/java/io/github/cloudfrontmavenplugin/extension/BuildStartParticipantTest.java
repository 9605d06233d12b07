package io.github.cloudfrontmavenplugin.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.ReactorExecutions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** When a build with the plugin as an extension starts loading the AWS SDK ahead, and when it leaves it alone. */
class BuildStartParticipantTest {
    private static final Set<String> GOALS = Set.of("invalidate", "sync");

    @Test
    void aDeployOfAModuleThatBindsInvalidateWarmsUp() {
        MavenSession session = session(List.of("clean", "deploy"), project("site", execution(null, "invalidate")));

        assertEquals(Optional.of("cloudfront:invalidate in module demo:site:1.0"), firstRealRun(session));
    }

    @Test
    void aBuildThatStopsBeforeTheGoalsPhaseDoesNot() {
        assertEquals(
                Optional.empty(), firstRealRun(session(List.of("install"), project("site", execution(null, "sync")))));
        assertEquals(
                Optional.empty(),
                firstRealRun(session(List.of("deploy"), project("site", execution("site-deploy", "invalidate")))));
    }

    @Test
    void aGoalBoundToALaterLifecycleWarmsUpWhenThatLifecycleRuns() {
        MavenSession session =
                session(List.of("deploy", "site-deploy"), project("docs", execution("site-deploy", "sync")));

        assertEquals(Optional.of("cloudfront:sync in module demo:docs:1.0"), firstRealRun(session));
    }

    @Test
    void theGoalOnTheCommandLineWarmsUpInEveryFormMavenAccepts() {
        for (String task : List.of(
                "cloudfront:invalidate",
                "cloudfront:sync@publish",
                "io.github.cloudfront-maven-plugin:cloudfront-maven-plugin:invalidate",
                "io.github.cloudfront-maven-plugin:cloudfront-maven-plugin:1.2.0:sync")) {
            assertTrue(firstRealRun(session(List.of(task))).isPresent(), task);
        }
    }

    @Test
    void getInvalidationAndOtherPluginsGoalsDoNot() {
        for (String task :
                List.of("cloudfront:get-invalidation", "other:invalidate", "org.example:other-plugin:1.0:invalidate")) {
            assertFalse(firstRealRun(session(List.of(task))).isPresent(), task);
        }
    }

    @Test
    void aSkipOrDryRunSetOnTheCommandLineOrInThePomDoesNot() {
        for (String property : List.of("cloudfront.skip", "cloudfront.dryRun")) {
            MavenSession byUser = session(List.of("deploy"), project("site", execution(null, "invalidate")));
            byUser.getUserProperties().setProperty(property, "true");
            assertEquals(Optional.empty(), firstRealRun(byUser), property);

            MavenProject project = project("site", execution(null, "invalidate"));
            project.getProperties().setProperty(property, "true");
            assertEquals(Optional.empty(), firstRealRun(session(List.of("deploy"), project)), property);
        }
        for (String parameter : List.of("skip", "dryRun")) {
            PluginExecution execution = execution(null, "invalidate");
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            Xpp3Dom value = new Xpp3Dom(parameter);
            value.setValue("true");
            configuration.addChild(value);
            execution.setConfiguration(configuration);
            assertEquals(Optional.empty(), firstRealRun(session(List.of("deploy"), project("site", execution))));
        }
    }

    @Test
    void aSkippedModuleLeavesTheOthersToWarmUp() {
        MavenProject skipped = project("blog", execution(null, "invalidate"));
        skipped.getProperties().setProperty("cloudfront.skip", "true");

        assertEquals(
                Optional.of("cloudfront:invalidate in module demo:www:1.0"),
                firstRealRun(session(List.of("deploy"), skipped, project("www", execution(null, "invalidate")))));
    }

    @Test
    void mavenFindsTheParticipantAsAPlexusComponentOfThePluginJar() throws Exception {
        String components =
                Files.readString(Path.of("target/classes/META-INF/plexus/components.xml"), StandardCharsets.UTF_8);

        assertTrue(components.contains("<role>" + AbstractMavenLifecycleParticipant.class.getName() + "</role>"));
        assertTrue(
                components.contains("<implementation>" + BuildStartParticipant.class.getName() + "</implementation>"));
    }

    @Test
    void thePluginKeyAndPrefixAreThoseOfThisPlugin() throws Exception {
        String descriptor =
                Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"), StandardCharsets.UTF_8);

        String[] key = BuildStartParticipant.PLUGIN_KEY.split(":");
        assertTrue(descriptor.contains("<groupId>" + key[0] + "</groupId>"), descriptor);
        assertTrue(descriptor.contains("<artifactId>" + key[1] + "</artifactId>"), descriptor);
        assertTrue(descriptor.contains("<goalPrefix>" + BuildStartParticipant.GOAL_PREFIX + "</goalPrefix>"));
    }

    /**
     * The warm-up's work is the test's own: the real one loads the CloudFront code once per class realm
     * ({@code CloudFrontWarmUp}), so in a JVM where an earlier test has loaded it, it does nothing and ends at once,
     * and a test of it would pass whether or not it ran or was waited for. This work cannot end before the session
     * does: it runs until the thread ending the session waits for it.
     */
    @Test
    void theWarmUpStartedWhenTheProjectsAreReadHasRunToItsEndWhenTheSessionEnds() {
        Thread endingTheSession = Thread.currentThread();
        AtomicBoolean testOver = new AtomicBoolean();
        List<String> ranToTheEnd = new CopyOnWriteArrayList<>();
        BuildStartParticipant participant =
                new BuildStartParticipant((why, publishes) -> BuildStartWarmUp.running(() -> {
                    while (!testOver.get()) {
                        if (endingTheSession.getState() == Thread.State.WAITING) {
                            ranToTheEnd.add(why);
                            return;
                        }
                        Thread.yield();
                    }
                }));
        MavenSession session = session(List.of("deploy"), project("site", execution(null, "invalidate")));

        try {
            participant.afterProjectsRead(session);
            assertTrue(participant.warmingUp());
            participant.afterSessionEnd(session);
        } finally {
            testOver.set(true);
        }

        assertEquals(List.of("cloudfront:invalidate in module demo:site:1.0"), ranToTheEnd);
        assertFalse(participant.warmingUp());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("cloudfront-build-start-warm-up")));
    }

    @Test
    void aBuildThatSyncsAlsoWarmsUpThePublishingCodeOneThatOnlyInvalidatesDoesNot() {
        List<String> started = new CopyOnWriteArrayList<>();
        BuildStartParticipant participant = new BuildStartParticipant((why, publishes) -> {
            started.add(why + (publishes ? ", publishes" : ""));
            return BuildStartWarmUp.running(() -> {});
        });
        for (MavenSession session : List.of(
                session(List.of("deploy"), project("docs", execution(null, "invalidate"))),
                session(
                        List.of("deploy"),
                        project("docs", execution(null, "invalidate")),
                        project("www", execution(null, "sync"))),
                session(List.of("cloudfront:sync"), project("blog")))) {
            participant.afterProjectsRead(session);
            participant.afterSessionEnd(session);
        }

        assertEquals(
                List.of(
                        "cloudfront:invalidate in module demo:docs:1.0",
                        "cloudfront:invalidate in module demo:docs:1.0, publishes",
                        "cloudfront:sync on the command line, publishes"),
                started);
    }

    private static Optional<String> firstRealRun(MavenSession session) {
        return ReactorExecutions.firstRealRun(
                session, BuildStartParticipant.PLUGIN_KEY, BuildStartParticipant.GOAL_PREFIX, GOALS, "deploy");
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session(List<String> tasks, MavenProject... projects) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest().setGoals(tasks);
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setProjects(List.of(projects));
        return session;
    }

    private static MavenProject project(String artifactId, PluginExecution... executions) {
        Model model = new Model();
        model.setGroupId("demo");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        Plugin plugin = new Plugin();
        String[] key = BuildStartParticipant.PLUGIN_KEY.split(":");
        plugin.setGroupId(key[0]);
        plugin.setArtifactId(key[1]);
        plugin.setExecutions(List.of(executions));
        Build build = new Build();
        build.addPlugin(plugin);
        model.setBuild(build);
        return new MavenProject(model);
    }

    private static PluginExecution execution(String phase, String goal) {
        PluginExecution execution = new PluginExecution();
        execution.setId(goal);
        execution.setPhase(phase);
        execution.setGoals(List.of(goal));
        return execution;
    }
}
