package io.github.cloudfrontmavenplugin.emulator;

import java.util.Map;

/**
 * An object as the S3 emulator stores it: its bytes, its ETag (quoted, as S3 sends it), and the headers it was stored
 * with ({@code Content-Type}, {@code Cache-Control}, {@code Content-Encoding}, {@code Content-Disposition} and
 * {@code x-amz-meta-*}, names lower-case).
 */
public record S3StoredObject(byte[] content, String etag, Map<String, String> headers) {
    public S3StoredObject {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
