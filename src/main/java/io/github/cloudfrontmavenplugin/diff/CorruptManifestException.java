package io.github.cloudfrontmavenplugin.diff;

import java.io.IOException;

/** A manifest that cannot be trusted: wrong version, a malformed line, or lines out of order. */
public class CorruptManifestException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptManifestException(String message) {
        super(message);
    }
}
