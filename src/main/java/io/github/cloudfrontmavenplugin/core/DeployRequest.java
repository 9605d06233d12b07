package io.github.cloudfrontmavenplugin.core;

/**
 * What one goal execution (one module of a build) asked to deploy. Every deploy ends in one invalidation; the requests
 * of several modules that name the same distributions share it.
 */
public sealed interface DeployRequest permits InvalidateRequest, RollbackRequest, SyncRequest {
    /** What this deploy invalidates, and how: the part every kind of deploy has. */
    InvalidateRequest invalidation();
}
