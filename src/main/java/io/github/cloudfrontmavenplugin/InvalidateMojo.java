package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.core.Invalidate;
import io.github.cloudfrontmavenplugin.core.InvalidateRequest;
import io.github.cloudfrontmavenplugin.core.Progress;
import io.github.cloudfrontmavenplugin.core.UserFixableException;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates one CloudFront invalidation for the configured paths, and optionally waits until it completes.
 *
 * <p>Paths are normalised before anything is sent: a leading {@code /} is added, non-ASCII and RFC 1738-unsafe
 * characters are percent-encoded (existing {@code %XX} escapes are kept), duplicates are dropped.
 */
@Mojo(name = "invalidate", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class InvalidateMojo extends AbstractCloudFrontMojo {
    /** The maven-project artifactId Maven gives a build without a POM. */
    private static final String STANDALONE_ARTIFACT_ID = "standalone-pom";

    /**
     * The paths to invalidate, such as {@code /index.html} or {@code /images/*}. In the POM one {@code <path>} per
     * path; on the command line comma-separated.
     */
    @Parameter(property = "cloudfront.paths")
    private List<String> paths;

    /**
     * A JSON file in the shape {@code aws cloudfront create-invalidation --invalidation-batch file://batch.json}
     * reads: {@code {"Paths": {"Quantity": 1, "Items": ["/index.html"]}, "CallerReference": "..."}}. Cannot be
     * combined with {@code paths}.
     */
    @Parameter(property = "cloudfront.invalidationBatch")
    private File invalidationBatch;

    /**
     * The CallerReference of the invalidation. By default one is generated for each build, reused for every retry of
     * the request: {@code mvn-<artifactId>-<UTC time>[-<CI run>]-<random>}.
     */
    @Parameter(property = "cloudfront.callerReference")
    private String callerReference;

    /** Print the exact batch that would be sent, and send nothing. Needs no credentials. */
    @Parameter(property = "cloudfront.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Skip the invalidation. */
    @Parameter(property = "cloudfront.skip", defaultValue = "false")
    private boolean skip;

    /**
     * How long, in seconds, to keep retrying while CloudFront answers TooManyInvalidationsInProgress (at most 3,000
     * named paths and 15 wildcard paths may be in progress per distribution). 0 fails at once.
     */
    @Parameter(property = "cloudfront.inProgressRetryTimeout", defaultValue = "300")
    private int inProgressRetryTimeout;

    @Parameter(defaultValue = "${project.artifactId}", readonly = true)
    private String artifactId;

    @Override
    protected void run(Progress progress) throws UserFixableException, InterruptedException {
        if (skip) {
            progress.info("Skipping the CloudFront invalidation (cloudfront.skip)");
            return;
        }
        InvalidateRequest request = new InvalidateRequest(
                distributionId,
                paths == null ? List.of() : paths,
                Optional.ofNullable(invalidationBatch).map(File::toPath),
                Optional.ofNullable(callerReference),
                artifactId == null || STANDALONE_ARTIFACT_ID.equals(artifactId) ? "cli" : artifactId,
                waitSettings(),
                Duration.ofSeconds(inProgressRetryTimeout),
                dryRun,
                outputPath(),
                connectionSettings());
        new Invalidate(progress).run(request);
    }
}
