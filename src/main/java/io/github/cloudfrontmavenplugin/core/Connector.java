package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.ConnectionSettings;

/** Opens a connection to CloudFront; only called once the plugin knows it has something to send. */
@FunctionalInterface
public interface Connector {
    CloudFrontInvalidations connect(ConnectionSettings settings) throws UserFixableException;

    Connector AWS_SDK = CloudFrontInvalidations::connect;
}
