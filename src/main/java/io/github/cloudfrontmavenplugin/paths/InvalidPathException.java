package io.github.cloudfrontmavenplugin.paths;

/** A path CloudFront would reject; the message says why and how to write it instead. */
public class InvalidPathException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidPathException(String message) {
        super(message);
    }
}
