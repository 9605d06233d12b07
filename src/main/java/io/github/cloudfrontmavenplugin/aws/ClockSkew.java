package io.github.cloudfrontmavenplugin.aws;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Explains AWS refusing a signature made too far from its own clock. The SDK corrects its clock from the answer's
 * {@code Date} and retries; when the refusal stands all the same, the build machine's clock is the thing to fix.
 */
public final class ClockSkew {
    private ClockSkew() {}

    /** @return the explanation, when AWS refused the request for the time it was signed at */
    public static Optional<String> explain(AwsServiceException e, String service) {
        String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorMessage());
        if (!code.equals("RequestTimeTooSkewed")
                && !message.startsWith("Signature expired")
                && !message.startsWith("Signature not yet current")) {
            return Optional.empty();
        }
        return Optional.of(service + " refused the request because it was signed more than 15 minutes away from"
                + " AWS's clock (" + code + ": " + message + "). The clock of the machine running the build is off:"
                + " set it right (enable NTP, for example 'timedatectl set-ntp true', or the container host's clock)"
                + " and run the build again.");
    }
}
