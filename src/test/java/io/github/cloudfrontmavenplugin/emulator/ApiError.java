package io.github.cloudfrontmavenplugin.emulator;

/** An error as CloudFront answers it: an HTTP status and an ErrorResponse with a code and a message. */
final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiError noSuchDistribution() {
        return new ApiError(404, "NoSuchDistribution", "The specified distribution does not exist.");
    }

    static ApiError entityNotFound() {
        return new ApiError(404, "EntityNotFound", "The entity was not found.");
    }

    static ApiError noSuchInvalidation() {
        return new ApiError(404, "NoSuchInvalidation", "The specified invalidation does not exist.");
    }

    static ApiError invalidPaths() {
        return new ApiError(400, "InvalidArgument", "Your request contains one or more invalid invalidation paths.");
    }

    static ApiError reusedCallerReference() {
        return new ApiError(
                400,
                "InvalidArgument",
                "Your request contains a caller reference that was used for a previous invalidation batch for the"
                        + " same distribution.");
    }

    static ApiError tooManyInProgress() {
        return new ApiError(
                400,
                "TooManyInvalidationsInProgress",
                "You have exceeded the maximum number of allowable InProgress Invalidation Batch Requests, or"
                        + " invalidation objects.");
    }

    static ApiError batchTooLarge() {
        return new ApiError(413, "BatchTooLarge", "Invalidation batch specified is too large.");
    }

    static ApiError inconsistentQuantities() {
        return new ApiError(400, "InconsistentQuantities", "The value of Quantity and the size of Items don't match.");
    }

    static ApiError missingBody() {
        return new ApiError(
                400,
                "MissingBody",
                "This operation requires a body. Ensure that the body is present and the Content-Type header is set.");
    }

    static ApiError malformedInput(String detail) {
        return new ApiError(400, "MalformedInput", "The XML document you provided was invalid: " + detail);
    }

    static ApiError accessDenied(String action, String resource) {
        return new ApiError(
                403,
                "AccessDenied",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudfront:" + action
                        + " on resource: " + resource + " because no identity-based policy allows the cloudfront:"
                        + action + " action");
    }
}
