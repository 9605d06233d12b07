package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.base.OtherThreads;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.IoUtils;

/**
 * A connection to CloudFront made ready while the plugin still reads, hashes and plans: its endpoint is resolved
 * ({@link CloudFrontEndpoint}), its HTTP client is built and the plugin's CloudFront code is run once in memory ({@link CloudFrontWarmUp}) on two background threads, so that the
 * two cores of a CI runner share the class loading. Neither calls AWS nor reads credentials (the endpoint reads the
 * SDK's endpoint settings, the HTTP client the JVM's trust store); {@link #open} resolves the credentials and builds the client as {@link
 * CloudFrontInvalidations#connect} does, so that its failures come where and as they came before.
 */
public final class PreparedConnection implements AutoCloseable {
    private final ConnectionSettings settings;
    private final JoinedThreads threads = new JoinedThreads("cloudfront-connection");
    private final CompletableFuture<Ready> httpClient;
    private final CompletableFuture<Boolean> warmUp;
    private boolean handedOver;

    /** Starts building and loading; {@link #close} waits for both threads to end, so that none outlives the goal. */
    private PreparedConnection(ConnectionSettings settings) {
        this.settings = settings;
        this.httpClient = inBackground(() -> {
            CloudFrontEndpoint endpoint;
            try {
                endpoint = CloudFrontEndpoint.resolve(settings);
            } catch (UserFixableException e) {
                throw new CompletionException(e);
            }
            return new Ready(endpoint, CloudFrontInvalidations.httpClientFor(settings, endpoint));
        });
        this.warmUp = inBackground(CloudFrontWarmUp::once);
    }

    /** Where CloudFront is, and the HTTP client built for it. */
    private record Ready(CloudFrontEndpoint endpoint, SdkHttpClient http) {}

    public static PreparedConnection start(ConnectionSettings settings) {
        return new PreparedConnection(settings);
    }

    /**
     * The connection: the credentials are resolved here, while the HTTP client may still be being built, and
     * reported as {@link CloudFrontInvalidations#connect} reports them; a failure to build the client is reported as
     * building it here would be.
     */
    public CloudFrontInvalidations open() throws UserFixableException, InterruptedException {
        if (handedOver) {
            throw new IllegalStateException("a prepared connection opens once");
        }
        AwsCredentialsProvider credentials = CloudFrontInvalidations.credentialsFor(settings);
        Ready ready;
        try {
            ready = await(httpClient);
        } catch (RuntimeException | UserFixableException | InterruptedException e) {
            IoUtils.closeIfCloseable(credentials, null);
            throw e;
        }
        handedOver = true;
        return CloudFrontInvalidations.connect(settings, ready.endpoint(), credentials, Optional.of(ready.http()));
    }

    /** Waits for the background work; closes the HTTP client unless {@link #open} handed it over. */
    @Override
    public void close() throws InterruptedException {
        try {
            if (!handedOver) {
                try {
                    await(httpClient).http().close();
                } catch (RuntimeException | UserFixableException unused) {
                    // Never opened: nothing was sent, so a client that could not be built does not matter.
                }
            }
        } finally {
            try {
                await(warmUp);
            } catch (RuntimeException | UserFixableException ignored) {
                // The warm-up only saves time; CloudFrontWarmUp logs why it failed.
            }
            threads.join();
        }
    }

    private <T> CompletableFuture<T> inBackground(Supplier<T> work) {
        return CompletableFuture.supplyAsync(
                work, task -> threads.newThread(task).start());
    }

    /** The threads started, for tests that check none is left running. */
    List<Thread> threads() {
        return threads.started();
    }

    private static <T> T await(CompletableFuture<T> future) throws UserFixableException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            OtherThreads.rethrow(e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause());
            throw new IllegalStateException("unreachable", e);
        }
    }
}
