package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** {@code cloudfront:get-invalidation}: shows one invalidation as the AWS CLI does, optionally waiting for it. */
public final class GetInvalidation {
    private final Connector connector;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Progress progress;

    public GetInvalidation(Connector connector, TimeSource time, RandomGenerator random, Progress progress) {
        this.connector = connector;
        this.time = time;
        this.random = random;
        this.progress = progress;
    }

    public GetInvalidation(Progress progress) {
        this(Connector.CLOUDFRONT, TimeSource.SYSTEM, new SecureRandom(), progress);
    }

    public record Request(
            String distributionId,
            String invalidationId,
            WaitSettings waiting,
            Optional<Path> outputFile,
            ConnectionSettings connection) {}

    public InvalidationInfo run(Request request) throws UserFixableException, InterruptedException {
        String distributionId = DistributionIds.require(request.distributionId());
        if (request.invalidationId() == null || request.invalidationId().isBlank()) {
            String list = DistributionIds.target(distributionId)
                    .map(Target::listInvalidationsCommand)
                    .orElse("aws cloudfront list-invalidations --distribution-id <ID>");
            throw new UserFixableException("<invalidationId> (cloudfront.invalidationId) is not set. Set it to the ID"
                    + " that cloudfront:invalidate printed, such as I2J0I21PCUYOIK; '" + list + "' lists them.");
        }
        String invalidationId = request.invalidationId().strip();
        if (request.outputFile().isPresent()) {
            OutputFile.checkWritable(request.outputFile().get());
        }
        try (CloudFrontInvalidations cloudFront = connector.connect(request.connection())) {
            InvalidationInfo invalidation =
                    cloudFront.get(DistributionIds.resolve(cloudFront, distributionId, progress), invalidationId);
            for (String line : Json.write(invalidation.toCliShape()).split("\n")) {
                progress.info(line);
            }
            InvalidationInfo last = Waiting.await(cloudFront, invalidation, request.waiting(), time, random, progress);
            if (request.outputFile().isPresent()) {
                OutputFile.write(request.outputFile().get(), last);
            }
            return last;
        }
    }
}
