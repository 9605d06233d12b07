package io.github.cloudfrontmavenplugin.base;

/**
 * Asked before each phase of a deploy that changes a bucket, a manifest or a cache: whether the deploy may still write.
 * A deploy that lost its lock (another deploy took it over) stops here, before its next change.
 */
@FunctionalInterface
public interface WriteCheck {
    /** @param what the change about to start, for the message: "uploading to s3://www/", "recording the manifest" */
    void beforeWrite(String what) throws UserFixableException;

    WriteCheck NONE = what -> {};
}
