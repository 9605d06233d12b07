package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;

/**
 * The connection to CloudFront of one deploy: prepared ({@link Connector#prepare}) once the deploy expects to send, so
 * that it gets ready while the batch is planned and the bucket synced, and opened when {@link DeliverInvalidation}
 * sends. A dry run never prepares one.
 */
final class PendingConnection implements AutoCloseable {
    private final Connector connector;
    private final BatchSettings batch;
    private Connector.Prepared prepared;

    PendingConnection(Connector connector, BatchSettings batch) {
        this.connector = connector;
        this.batch = batch;
    }

    void expectToSend() {
        if (prepared == null && !batch.dryRun()) {
            prepared = connector.prepare(batch.connection());
        }
    }

    CloudFrontInvalidations open() throws UserFixableException, InterruptedException {
        if (batch.dryRun()) {
            throw new IllegalStateException("a dry run does not connect");
        }
        expectToSend();
        return prepared.open();
    }

    @Override
    public void close() throws InterruptedException {
        if (prepared != null) {
            prepared.close();
        }
    }
}
