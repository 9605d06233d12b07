package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.Deploy;
import io.github.cloudfrontmavenplugin.core.DeployRequest;
import io.github.cloudfrontmavenplugin.core.EndOfReactor;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * When a deploy goal's execution deploys in a multi-module build: at once, or (with {@code invalidateAtEnd}) together
 * with the other modules once the last module that runs the goal has run. The modules share one {@link EndOfReactor},
 * kept in Maven's plugin context of the build's first project, which lives as long as the build.
 */
final class ReactorDeploys {
    private final MavenSession session;
    private final MojoExecution execution;
    private final MavenProject project;

    ReactorDeploys(MavenSession session, MojoExecution execution, MavenProject project) {
        this.session = session;
        this.execution = execution;
        this.project = project;
    }

    /**
     * @param request what this execution deploys; empty when it is skipped, which a held batch may still wait for
     * @param deploys makes the {@link Deploy} of one batch, reporting to the progress it is given
     */
    void deploy(Optional<DeployRequest> request, boolean atEnd, Function<Progress, Deploy> deploys, Progress progress)
            throws UserFixableException, InterruptedException {
        Deploy deploy = deploys.apply(progress);
        if (session.getProjects().size() <= 1) {
            if (request.isPresent()) {
                deploy.run(request.get()); // checks the request first, as check does
            }
            return;
        }
        if (request.isPresent()) {
            deploy.check(request.get());
        }
        EndOfReactor.Arrival arrival =
                endOfReactor().arrive(ReactorExecutions.module(project), atEnd ? request : Optional.empty());
        if (!atEnd && request.isPresent()) {
            deploy.run(request.get());
        } else if (request.isPresent() && arrival.modulesToCome() > 0) {
            progress.info("Invalidation held until the end of the build (invalidateAtEnd): waiting for "
                    + arrival.modulesToCome() + (arrival.modulesToCome() == 1 ? " more module." : " more modules."));
        }
        EndOfReactor.send(arrival.due(), progress, deploys);
    }

    private EndOfReactor endOfReactor() {
        PluginDescriptor plugin = execution.getMojoDescriptor().getPluginDescriptor();
        String key = EndOfReactor.class.getName() + ":"
                + execution.getMojoDescriptor().getGoal();
        // A parallel build clones the session for each module; the request it was built from is the one all share.
        synchronized (session.getRequest()) {
            Map<String, Object> context =
                    session.getPluginContext(plugin, session.getProjects().get(0));
            return (EndOfReactor) context.computeIfAbsent(
                    key, ignored -> new EndOfReactor(ReactorExecutions.expected(session, execution)));
        }
    }
}
