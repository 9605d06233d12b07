package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class SharedCredentialsTest {
    // A source of its own, so that other tests running at the same time never share these providers.
    private final CredentialSource source = CredentialSource.profile("shared-credentials-test-" + System.nanoTime());

    /** A provider that counts how often it was opened and closed. */
    private final class Counted implements AwsCredentialsProvider, SdkAutoCloseable {
        final AwsCredentials credentials = AwsBasicCredentials.create("AKIDTEST", "secret");

        @Override
        public AwsCredentials resolveCredentials() {
            return credentials;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    private AwsCredentialsProvider acquire() throws UserFixableException {
        return SharedCredentials.acquire(source, Proxies.NONE, () -> {
            opened.incrementAndGet();
            return new Counted();
        });
    }

    @Test
    void clientsOpenAtTheSameTimeShareOneProviderClosedByTheLast() throws Exception {
        AwsCredentialsProvider first = acquire();
        AwsCredentialsProvider second = acquire();

        assertEquals(1, opened.get());
        assertSame(first.resolveCredentials(), second.resolveCredentials());
        ((SdkAutoCloseable) first).close();
        ((SdkAutoCloseable) first).close();
        assertEquals(0, closed.get(), "closing one user twice does not close the other's");
        ((SdkAutoCloseable) second).close();
        assertEquals(1, closed.get());

        ((SdkAutoCloseable) acquire()).close();
        assertEquals(2, opened.get(), "after the last user closed, the next one opens afresh");
        assertEquals(2, closed.get());
    }

    @Test
    void aSourceThatCannotBeOpenedLeavesNothingBehind() throws Exception {
        int before = SharedCredentials.openSources();

        assertThrows(
                UserFixableException.class,
                () -> SharedCredentials.acquire(source, Proxies.NONE, () -> {
                    throw new UserFixableException("no credentials");
                }));

        assertEquals(before, SharedCredentials.openSources());
        ((SdkAutoCloseable) acquire()).close();
        assertEquals(1, opened.get());
    }
}
