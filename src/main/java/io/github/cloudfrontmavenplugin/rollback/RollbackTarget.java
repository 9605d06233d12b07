package io.github.cloudfrontmavenplugin.rollback;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.publish.BucketLocation;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which kept deploy a rollback brings the bucket back to: the one {@code rollbackTo} names, or by default the one
 * before the newest record. Refuses, before anything is read from the bucket, when there is no history, the ID is not
 * kept, or the deploy published to another place than {@code <bucket>}.
 */
public final class RollbackTarget {
    static final String PARAMETER = "<rollbackTo> (cloudfront.rollbackTo)";

    private RollbackTarget() {}

    /**
     * @param where the history's store, for messages
     * @param location the bucket and prefix the rollback restores
     */
    public static DeployRecord choose(
            DeployHistory history, Optional<String> rollbackTo, String where, BucketLocation location)
            throws UserFixableException {
        if (history.records().isEmpty()) {
            throw new UserFixableException("There is no deploy history at " + where + ", so there is nothing to roll"
                    + " back to. cloudfront:sync records each deploy there (beside <manifest>); check <manifest>"
                    + " (cloudfront.manifest), and deploy with sync at least twice before rolling back.");
        }
        DeployRecord newest = history.newest().orElseThrow();
        DeployRecord target;
        if (rollbackTo.isPresent()) {
            String id = rollbackTo.get().strip();
            target = history.find(id)
                    .orElseThrow(() -> new UserFixableException(PARAMETER + " is '" + id + "', which is not a kept"
                            + " deploy of " + where + ". The kept deploys, newest first: " + kept(history)
                            + ". Older ones were pruned (<keepDeploys>); run cloudfront:history to see them."));
        } else {
            target = history.before(newest.id())
                    .orElseThrow(() -> new UserFixableException("Only one deploy is kept in " + where + " ("
                            + newest.id() + "), which the bucket holds now: there is no earlier deploy to roll back"
                            + " to. Name a deploy with " + PARAMETER + " once there are two."));
        }
        if (!sameLocation(target.location(), location)) {
            throw new UserFixableException("The deploy " + target.id() + " published to " + target.location()
                    + ", but <bucket> (cloudfront.bucket) is " + location + "; a rollback restores the place the"
                    + " deploy published to. Set <bucket> to " + target.location() + ".");
        }
        return target;
    }

    private static boolean sameLocation(String recorded, BucketLocation location) {
        try {
            return BucketLocation.parse(recorded).equals(location);
        } catch (UserFixableException e) {
            return false;
        }
    }

    private static String kept(DeployHistory history) {
        return history.records().stream().map(DeployRecord::id).collect(Collectors.joining(", "));
    }
}
