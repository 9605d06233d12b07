package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.base.UserFixableException;

/**
 * Where the site's files live: a bucket and a key prefix ({@code ""} or ending with {@code /}). A file's key is the
 * prefix plus its path relative to the site.
 */
public record BucketLocation(String bucket, String prefix) {
    static final String PARAMETER = "<bucket> (cloudfront.bucket)";

    public static BucketLocation parse(String value) throws UserFixableException {
        String example = " It is written s3://bucket or s3://bucket/key/prefix/, such as s3://www-example-com/site/.";
        if (value == null || value.isBlank()) {
            throw new UserFixableException(
                    PARAMETER + " is not set: name the S3 bucket the site is published to." + example);
        }
        String location = value.strip();
        if (!location.startsWith("s3://")) {
            throw new UserFixableException(PARAMETER + " is '" + value + "'." + example);
        }
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new UserFixableException(PARAMETER + " is '" + value + "', whose bucket name '" + bucket + "' is not"
                    + " a valid S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)." + example);
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new BucketLocation(bucket, prefix);
    }

    /** The key of a file of the site. */
    public String keyOf(String relativePath) {
        return prefix + relativePath;
    }

    /** The file a key under the prefix stands for; the key itself when it is not under the prefix. */
    public String relativePathOf(String key) {
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
