package io.github.cloudfrontmavenplugin.extension;

import io.github.cloudfrontmavenplugin.aws.HttpClients;
import io.github.cloudfrontmavenplugin.aws.Proxies;
import io.github.cloudfrontmavenplugin.aws.S3WarmUp;
import io.github.cloudfrontmavenplugin.aws.SecretSafeLogging;
import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontWarmUp;
import io.github.cloudfrontmavenplugin.publish.ContentTypes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.Logger;

/**
 * The plugin's CloudFront code ({@link CloudFrontWarmUp}) and the HTTP client's classes and trust store loaded on one
 * daemon thread at the start of a build that will invalidate, so that the goal, later in the deploy phase, finds
 * them ready; for a build that will sync, also its S3 code ({@link S3WarmUp}: the endpoint rules, the calls) and the
 * table of content types. It runs while Maven compiles and tests on the other core; nothing leaves the JVM, no
 * credentials and no settings are read. The goal still builds the clients it uses, from its settings, when it sends.
 */
public final class BuildStartWarmUp implements AutoCloseable {
    private static final Logger LOG = Logger.loggerFor(BuildStartWarmUp.class);

    private final JoinedThreads threads = new JoinedThreads("cloudfront-build-start-warm-up");

    private BuildStartWarmUp(Runnable work) {
        threads.newThread(work).start();
    }

    /**
     * @param why the goal that will run, for the {@code -X} log: {@code cloudfront:invalidate in module ...}
     * @param publishes whether a goal that publishes to S3 ({@code sync}) will run
     */
    public static BuildStartWarmUp start(String why, boolean publishes) {
        return running(() -> {
            // Before the first signature: with -X, a signer logger created now at DEBUG would later log the goal's
            // canonical requests, session token included.
            SecretSafeLogging.capSecretBearingLoggers();
            LOG.debug(() -> "Loading the plugin's " + (publishes ? "S3, " : "") + "CloudFront and HTTP client code on a"
                    + " background thread at the start of the build, for " + why + "; nothing is sent.");
            // The trust store first: the goal's first client waits for it, where it loads the rest itself.
            try (SdkHttpClient unused = HttpClients.forEndpoint(
                            Proxies.NONE, "The warm-up's client, which never connects", HttpClients.ANY_HTTPS_ENDPOINT)
                    .build()) {
                LOG.debug(() -> "The warm-up at the start of the build has loaded the HTTP client.");
            } catch (RuntimeException e) {
                LOG.debug(() -> "Building an HTTP client ahead failed; the goal builds its own.", e);
            }
            if (publishes) {
                S3WarmUp.once();
                try {
                    ContentTypes.of("index.html");
                } catch (RuntimeException e) {
                    LOG.debug(() -> "Loading the table of content types ahead failed; the goal loads it.", e);
                }
            }
            CloudFrontWarmUp.once();
            LOG.debug(() -> "The warm-up at the start of the build has ended.");
        });
    }

    /**
     * Runs {@code work} on the warm-up's thread instead of the warm-up: a seam for tests, which can see their work run
     * where the real one, once per class realm, finds the code already loaded by an earlier test and does nothing.
     */
    public static BuildStartWarmUp running(Runnable work) {
        return new BuildStartWarmUp(work);
    }

    /** Waits for the thread to end, so that none outlives the build. */
    @Override
    public void close() {
        threads.join();
    }
}
