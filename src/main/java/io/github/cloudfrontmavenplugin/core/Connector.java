package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.PreparedConnection;

/** Opens a connection to CloudFront; only called once the plugin knows it has something to send. */
@FunctionalInterface
public interface Connector {
    CloudFrontInvalidations connect(ConnectionSettings settings) throws UserFixableException;

    /**
     * Starts, before the plugin knows whether it will send anything, what a connection needs that calls nothing and
     * reads no credentials; by default nothing.
     */
    default Prepared prepare(ConnectionSettings settings) {
        return () -> connect(settings);
    }

    /** A connection that may be opened once; closing it ends whatever {@link #prepare} started. */
    @FunctionalInterface
    interface Prepared extends AutoCloseable {
        CloudFrontInvalidations open() throws UserFixableException, InterruptedException;

        @Override
        default void close() throws InterruptedException {}
    }

    /** The plugin's own CloudFront client ({@link CloudFrontInvalidations}), prepared on background threads. */
    Connector CLOUDFRONT = new Connector() {
        @Override
        public CloudFrontInvalidations connect(ConnectionSettings settings) throws UserFixableException {
            return CloudFrontInvalidations.connect(settings);
        }

        @Override
        public Prepared prepare(ConnectionSettings settings) {
            PreparedConnection prepared = PreparedConnection.start(settings);
            return new Prepared() {
                @Override
                public CloudFrontInvalidations open() throws UserFixableException, InterruptedException {
                    return prepared.open();
                }

                @Override
                public void close() throws InterruptedException {
                    prepared.close();
                }
            };
        }
    };
}
