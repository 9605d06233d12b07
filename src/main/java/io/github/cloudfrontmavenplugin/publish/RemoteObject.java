package io.github.cloudfrontmavenplugin.publish;

/** One object as ListObjectsV2 lists it: no metadata, and an ETag that is an MD5 only for some uploads. */
public record RemoteObject(String key, long size, String etag) {
    public RemoteObject {
        etag = unquote(etag);
    }

    /**
     * Whether the ETag is the hex MD5 of the content, as for a single PutObject without KMS; a multipart ETag ends in
     * {@code -<parts>}. (An SSE-KMS ETag looks the same and is not an MD5, so an equal MD5 proves equality, while an
     * unequal one only says to look closer: the head's content hash decides then.)
     */
    public boolean etagLooksLikeMd5() {
        return etag.matches("[0-9a-f]{32}");
    }

    static String unquote(String etag) {
        String value = etag == null ? "" : etag.strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
