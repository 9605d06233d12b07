package io.github.cloudfrontmavenplugin.extension;

import io.github.cloudfrontmavenplugin.ReactorExecutions;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import software.amazon.awssdk.utils.Logger;

/**
 * When the plugin is declared with {@code <extensions>true</extensions>}, Maven loads it when it reads the POMs and
 * runs its goals in that same class realm; this participant then starts {@link BuildStartWarmUp} as soon as the
 * projects are read, if the build will run {@code invalidate} or {@code sync} for real, so that the deploy phase finds
 * the AWS SDK loaded. Nothing starts for a build that stops before the goal's phase, or that skips it or makes it a dry
 * run; the thread has ended when the build ends. Without {@code <extensions>} Maven never calls it. Declared in
 * {@code META-INF/plexus/components.xml}, which every Maven from 3.6 reads.
 */
public class BuildStartParticipant extends AbstractMavenLifecycleParticipant {
    static final String PLUGIN_KEY = "io.github.cloudfront-maven-plugin:cloudfront-maven-plugin";
    static final String GOAL_PREFIX = "cloudfront";
    private static final Set<String> WARMED_GOALS = Set.of("invalidate", "sync");
    private static final Set<String> PUBLISHING_GOALS = Set.of("sync");

    private static final Logger LOG = Logger.loggerFor(BuildStartParticipant.class);

    private final BiFunction<String, Boolean, BuildStartWarmUp> startWarmUp;
    private BuildStartWarmUp warmUp;

    public BuildStartParticipant() {
        this(BuildStartWarmUp::start);
    }

    /**
     * @param startWarmUp starts the warm-up for the goal it is given, and whether a goal that publishes will run: a
     *     seam for tests, to see the warm-up run
     */
    BuildStartParticipant(BiFunction<String, Boolean, BuildStartWarmUp> startWarmUp) {
        this.startWarmUp = startWarmUp;
    }

    @Override
    public synchronized void afterProjectsRead(MavenSession session) {
        if (warmUp != null) {
            return;
        }
        Optional<String> run = ReactorExecutions.firstRealRun(session, PLUGIN_KEY, GOAL_PREFIX, WARMED_GOALS, "deploy");
        if (run.isEmpty()) {
            LOG.debug(() ->
                    "No warm-up of the CloudFront code: this build runs neither cloudfront:invalidate nor cloudfront:sync"
                            + " for real (not in the phases it reaches, or skipped, or a dry run).");
        }
        boolean publishes = run.isPresent()
                && ReactorExecutions.firstRealRun(session, PLUGIN_KEY, GOAL_PREFIX, PUBLISHING_GOALS, "deploy")
                        .isPresent();
        warmUp = run.map(why -> startWarmUp.apply(why, publishes)).orElse(null);
    }

    @Override
    public synchronized void afterSessionEnd(MavenSession session) {
        if (warmUp != null) {
            warmUp.close();
            warmUp = null;
        }
    }

    /** Whether a warm-up was started and has not been waited for, for tests. */
    synchronized boolean warmingUp() {
        return warmUp != null;
    }
}
