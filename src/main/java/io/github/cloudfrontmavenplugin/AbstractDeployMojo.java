package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.Deploy;
import io.github.cloudfrontmavenplugin.core.DeployRequest;
import io.github.cloudfrontmavenplugin.core.DistributionIds;
import io.github.cloudfrontmavenplugin.core.InvalidateRequest;
import io.github.cloudfrontmavenplugin.core.ReportFiles;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.diff.OnMissingManifest;
import io.github.cloudfrontmavenplugin.diff.SiteUrls;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of the goals that deploy ({@code invalidate}, {@code sync}): what to invalidate, the site to compare
 * with the last deploy's manifest, the budget of the one batch, and the end-of-build merge of a reactor's modules.
 */
abstract class AbstractDeployMojo extends AbstractCloudFrontMojo {
    /** The maven-project artifactId Maven gives a build without a POM. */
    private static final String STANDALONE_ARTIFACT_ID = "standalone-pom";

    /**
     * Several distributions that get the same batch, such as a site served under two domains: distribution IDs,
     * distribution tenant IDs ({@code dt_...}) or domain names,
     * one {@code <distributionId>} each in the POM, comma-separated on the command line. The batches are submitted
     * and waited for concurrently; one failure fails the build once the others finished. Instead of
     * {@code distributionId}.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.distributionIds")
    private List<String> distributionIds;

    /**
     * The paths to invalidate, such as {@code /index.html} or {@code /images/*}. In the POM one {@code <path>} per
     * path; on the command line comma-separated.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.paths")
    private List<String> paths;

    /**
     * Cache tags to invalidate, without the {@code #}: every cached object whose origin response carried the tag (in
     * the header the distribution's {@code CacheTagConfig} names) is invalidated. In the POM one {@code <tag>} each, on
     * the command line comma-separated ({@code -Dcloudfront.tags=product:tv,release-42}). Sent exactly as written, each
     * counting as one path; 1 to 256 visible ASCII characters, no comma, no {@code *}; case-insensitive. In
     * {@code paths} a tag is written with its {@code #}.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.tags")
    private List<String> tags;

    /**
     * Invalidate the batch on every distribution tenant of the multi-tenant distribution named in
     * {@code distributionId} (listed with ListDistributionTenants), concurrently; one failure fails the build once the
     * others finished.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.allTenants", defaultValue = "false")
    private boolean allTenants;

    /**
     * A JSON file in the shape {@code aws cloudfront create-invalidation --invalidation-batch file://batch.json}
     * reads: {@code {"Paths": {"Quantity": 1, "Items": ["/index.html"]}, "CallerReference": "..."}}. Cannot be
     * combined with {@code paths}.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.invalidationBatch")
    private File invalidationBatch;

    /**
     * The CallerReference of the invalidation. By default one is generated for each build, reused for every retry of
     * the request: {@code mvn-<artifactId>-<UTC time>[-<CI run>]-<random>}.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.callerReference")
    private String callerReference;

    /**
     * Print the exact batch that would be sent, and send nothing. Needs no credentials.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Skip the goal: nothing is read, compared, published or invalidated.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.skip", defaultValue = "false")
    private boolean skip;

    /**
     * How long, in seconds, to keep retrying while CloudFront answers TooManyInvalidationsInProgress (at most 3,000
     * named paths and 15 wildcard paths may be in progress per distribution). 0 fails at once.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.inProgressRetryTimeout", defaultValue = "300")
    private int inProgressRetryTimeout;

    /**
     * The built site to compare with the last deploy's manifest, such as {@code ${project.build.directory}/site}.
     * Setting it turns the diff on: added, modified and deleted files are invalidated, added to any {@code paths}.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.directory")
    private File directory;

    /**
     * The URL path under which {@code directory} is served, to match an origin path or key prefix.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.pathPrefix", defaultValue = "/")
    private String pathPrefix;

    /**
     * Ant-style patterns of the files of {@code directory} to consider, such as {@code **}{@code /*.html}; all by default.
     *
     * @since 1.0.0
     */
    @Parameter
    private List<String> includes;

    /**
     * Ant-style patterns of the files of {@code directory} to leave out, such as {@code **}{@code /*.map}.
     *
     * @since 1.0.0
     */
    @Parameter
    private List<String> excludes;

    /**
     * Where the manifest of the last deploy lives: a file, or {@code s3://bucket/key} so that ephemeral CI runners
     * share it. Required with {@code directory}. It is replaced only after CloudFront accepted the invalidation.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.manifest")
    private String manifest;

    /**
     * The document a directory URL serves: when {@code dir/index.html} changes, {@code /dir/} and {@code /dir} are
     * invalidated too (and {@code /} for the root). {@code none} turns this off.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.indexDocument", defaultValue = "index.html")
    private String indexDocument;

    /**
     * What a deploy with no manifest yet invalidates: {@code all} (everything under {@code pathPrefix}, since the cache
     * may hold anything), {@code none}, or {@code fail}.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.onMissingManifest", defaultValue = "all")
    private String onMissingManifest;

    /**
     * The region of the S3 buckets the goal reads and writes: the manifest's, and for {@code sync} the site's. By
     * default the plugin starts in us-east-1 and follows S3's redirect.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.s3Region")
    private String s3Region;

    /**
     * An S3-compatible endpoint instead of AWS's, for the manifest and for {@code sync}'s bucket (tests, emulators).
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.s3Endpoint")
    private String s3Endpoint;

    /**
     * The most paths the one batch may hold, wildcards included. A larger set is collapsed into directory wildcards
     * chosen to invalidate the fewest unchanged objects (counted from the manifest). At most 3,000.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.maxPaths", defaultValue = "100")
    private int maxPaths;

    /**
     * The most wildcard paths the batch may hold; CloudFront allows 15 in progress per distribution.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.maxWildcards", defaultValue = "15")
    private int maxWildcards;

    /**
     * In a multi-module build, hold this module's invalidation until the last module that invalidates has run, and
     * then send one batch per distribution for all of them (paths merged, planned within the strictest {@code maxPaths}
     * and {@code maxWildcards}, waiting as long as the longest {@code waitTimeout}), as {@code maven-deploy-plugin}'s
     * {@code deployAtEnd} does for artifacts: a 20-module build spends one in-progress slot, not 20. If a module fails
     * first, nothing held is invalidated and no manifest is advanced. {@code false} invalidates each module at its own
     * deploy. Single-module builds are not affected.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.invalidateAtEnd", defaultValue = "true")
    private boolean invalidateAtEnd;

    /**
     * Write a short Markdown report of the deploy to this file: what was uploaded, deleted and left unchanged (with
     * bytes), the invalidation (ID, distribution or tenant, path count, cost estimate, the paths) and the time taken;
     * for a dry run, what the deploy would do, so that a pipeline can post it on a pull request. The same report is
     * appended to GitHub's job summary whenever {@code GITHUB_STEP_SUMMARY} is set.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.report")
    private File report;

    /**
     * How long, in seconds, the deploy lock stays valid without a renewal. A deploy with a {@code manifest} holds the
     * lock {@code <manifest>.lock} while it works and renews it every third of this; a lock whose lease ran out belongs
     * to a build that died, and the next deploy takes it over. At least 3.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.lockLease", defaultValue = "60")
    private int lockLease;

    /**
     * How long, in seconds, to wait while another deploy holds the lock of the {@code manifest}, saying every 15
     * seconds who holds it; then the build fails naming the holder and the {@code cloudfront:unlock} command that
     * removes a stale lock. 0 fails at once.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.lockTimeout", defaultValue = "600")
    private int lockTimeout;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${project.artifactId}", readonly = true)
    private String artifactId;

    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    protected AbstractDeployMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    // Maven hands a parameter's text form (-Dcloudfront.paths=/a,/b, or <paths>/a,/b</paths>) to a setter taking a
    // String before it converts the text to the field's List. Its own conversion tries to load a class for every item
    // and fails, a cost that grows with the items of a long command line; these setters split the same way (on every
    // comma, nothing trimmed). A list of elements in the POM is no String: Maven then fills the field itself.

    /** The comma-separated form of {@code distributionIds}. */
    public void setDistributionIds(String commaSeparated) {
        distributionIds = items(commaSeparated);
    }

    /** The comma-separated form of {@code paths}. */
    public void setPaths(String commaSeparated) {
        paths = items(commaSeparated);
    }

    /** The comma-separated form of {@code tags}. */
    public void setTags(String commaSeparated) {
        tags = items(commaSeparated);
    }

    private static List<String> items(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(",", -1));
    }

    /** An empty {@code <path/>} reaches the field as null; like a blank one, it names nothing. */
    private static List<String> withoutEmptyElements(List<String> items) {
        return items == null
                ? List.of()
                : items.stream().filter(Objects::nonNull).toList();
    }

    @Override
    protected final void run(Progress progress) throws UserFixableException, InterruptedException {
        Optional<DeployRequest> request = Optional.empty();
        if (skip) {
            progress.info("Skipping the CloudFront invalidation (cloudfront.skip)");
        } else {
            request = Optional.of(request());
        }
        // A skipped module may still be the last of a reactor, which sends the batch held for the others: its report
        // goes to the job summary all the same.
        ReportFiles reports =
                ReportFiles.of(Optional.ofNullable(report).filter(file -> !skip).map(File::toPath), System::getenv);
        new ReactorDeploys(session, mojoExecution, project)
                .deploy(request, invalidateAtEnd, log -> new Deploy(log, reports), progress);
    }

    /** What the parameters ask this goal to deploy, checked as far as it can be without a call. */
    abstract DeployRequest request() throws UserFixableException;

    /** What the parameters ask to invalidate, checked as far as it can be without a call; the Mojo tests read it. */
    InvalidateRequest invalidateRequest() throws UserFixableException {
        return invalidateRequest(diffSettings());
    }

    /** @param diff the site to compare with the manifest; empty for a goal that compares none */
    InvalidateRequest invalidateRequest(Optional<DiffSettings> diff) throws UserFixableException {
        return new InvalidateRequest(
                DistributionIds.requireAll(distributionId, distributionIds),
                withoutEmptyElements(paths),
                Optional.ofNullable(invalidationBatch).map(File::toPath),
                Optional.ofNullable(callerReference),
                artifactId == null || STANDALONE_ARTIFACT_ID.equals(artifactId) ? "cli" : artifactId,
                waitSettings(),
                Duration.ofSeconds(inProgressRetryTimeout),
                dryRun,
                outputPath(),
                connectionSettings(),
                diff,
                Budget.of(maxPaths, maxWildcards),
                withoutEmptyElements(tags),
                allTenants,
                LockSettings.of(lockLease, lockTimeout, coordinates()));
    }

    /** The build that deploys, as its lock names it to the others. */
    private String coordinates() {
        if (project == null || STANDALONE_ARTIFACT_ID.equals(project.getArtifactId())) {
            return "(no project)";
        }
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
    }

    private Optional<DiffSettings> diffSettings() throws UserFixableException {
        if (directory == null) {
            return Optional.empty();
        }
        return Optional.of(new DiffSettings(
                directory.toPath(),
                siteUrls(),
                filter(),
                manifestLocation(),
                OnMissingManifest.parse(onMissingManifest),
                s3Settings()));
    }

    /** {@code manifest} as configured: {@code s3://bucket/key}, or a file, relative to the project's directory. */
    String manifestLocation() {
        String location = manifest;
        if (location != null && !location.isBlank() && !location.strip().startsWith("s3://")) {
            location = basedir.toPath().resolve(location.strip()).toString();
        }
        return location;
    }

    /** The URL paths of the site's files: {@code pathPrefix} and {@code indexDocument}. */
    SiteUrls siteUrls() throws UserFixableException {
        return SiteUrls.of(pathPrefix, indexDocument);
    }

    /** {@code includes} and {@code excludes}. */
    AntPatterns filter() throws UserFixableException {
        return AntPatterns.of(includes, excludes);
    }

    /** The connection to S3 for the manifest and the site's bucket. */
    ConnectionSettings s3Settings() throws UserFixableException {
        return ConnectionSettings.forS3(s3Region, s3Endpoint, profile)
                .withCredentials(credentialSource())
                .withProxies(proxies());
    }
}
