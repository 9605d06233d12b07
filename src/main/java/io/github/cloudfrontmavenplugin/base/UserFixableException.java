package io.github.cloudfrontmavenplugin.base;

/**
 * A failure the user can fix: bad configuration, missing permission, or CloudFront refusing the request. Its message
 * says what happened and what to do; the Mojo turns it into a {@code MojoFailureException}.
 */
public class UserFixableException extends Exception {
    private static final long serialVersionUID = 1L;

    public UserFixableException(String message) {
        super(message);
    }

    public UserFixableException(String message, Throwable cause) {
        super(message, cause);
    }
}
