package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;

/**
 * Opens a connection to CloudFront; only called once the plugin has a batch to send, so that a dry run or a deploy
 * that changed nothing builds no HTTP client and reads no credentials.
 */
@FunctionalInterface
public interface Connector {
    CloudFrontInvalidations connect(ConnectionSettings settings) throws UserFixableException;

    /** The plugin's own CloudFront client ({@link CloudFrontInvalidations}). */
    Connector CLOUDFRONT = CloudFrontInvalidations::connect;
}
