package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One credentials provider for all the clients that are open at the same time with the same source: the S3 manifest
 * store and CloudFront of one deploy, or the batches sent together at the end of a reactor. Without it each client
 * assumed the role (or exchanged the web-identity token) again, an STS call and a CloudTrail entry apiece. The provider
 * is closed when its last user closes it, so nothing outlives the build.
 */
final class SharedCredentials {
    /** Builds and checks a provider; called once per source while any client uses it. */
    @FunctionalInterface
    interface Opening {
        AwsCredentialsProvider open() throws UserFixableException;
    }

    private record Key(CredentialSource source, Proxies proxies) {}

    private static final class Shared {
        final AwsCredentialsProvider provider;
        int users;

        Shared(AwsCredentialsProvider provider) {
            this.provider = provider;
        }
    }

    private static final Map<Key, Shared> OPEN = new HashMap<>();

    private SharedCredentials() {}

    /** The open provider for this source, or a new one; the caller closes what it gets, once. */
    static AwsCredentialsProvider acquire(CredentialSource source, Proxies proxies, Opening opening)
            throws UserFixableException {
        Key key = new Key(source, proxies);
        // Resolving under the lock: of two clients opening at once, the second waits for and reuses the first's.
        synchronized (OPEN) {
            Shared shared = OPEN.get(key);
            if (shared == null) {
                shared = new Shared(opening.open());
                OPEN.put(key, shared);
            }
            shared.users++;
            return new Lease(key, shared);
        }
    }

    /**
     * Links the methods {@link #acquire} calls on its key (a record's hashCode and equals link through invokedynamic
     * on first use) without opening anything: for {@link HttpClients#loadAhead}.
     */
    static boolean linkAhead() {
        Key key = new Key(CredentialSource.DEFAULT_CHAIN, Proxies.NONE);
        return key.hashCode() == new Key(CredentialSource.DEFAULT_CHAIN, Proxies.NONE).hashCode()
                && key.equals(new Key(CredentialSource.DEFAULT_CHAIN, Proxies.NONE));
    }

    /** How many sources have a provider open: for tests, which check that none is left behind. */
    static int openSources() {
        synchronized (OPEN) {
            return OPEN.size();
        }
    }

    private static final class Lease implements AwsCredentialsProvider, SdkAutoCloseable {
        private final Key key;
        private final Shared shared;
        private boolean closed;

        Lease(Key key, Shared shared) {
            this.key = key;
            this.shared = shared;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return shared.provider.resolveCredentials();
        }

        @Override
        public void close() {
            synchronized (OPEN) {
                if (closed) {
                    return;
                }
                closed = true;
                if (--shared.users == 0) {
                    OPEN.remove(key);
                    IoUtils.closeIfCloseable(shared.provider, null);
                }
            }
        }
    }
}
