package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.aws.ClockSkew;
import io.github.cloudfrontmavenplugin.aws.ProxyFailures;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A lock in an S3 object next to the manifest, taken as Terraform's S3 backend takes its {@code .tflock}: created with
 * {@code If-None-Match: *}, renewed and taken over with {@code If-Match} on its ETag, so that of two writers exactly one
 * wins. S3 answers the loser 412 PreconditionFailed (acted on: the lock is held, or was taken over) or, when the two
 * writes race, 409 ConditionalRequestConflict, which the SDK does not retry: this store retries it a few times with a
 * growing pause. It is removed with HeadObject (is it still ours?) and then DeleteObject with {@code If-Match}: atomic
 * on S3, which honours conditional deletes since 2025; the HeadObject keeps the check on stores that ignore it.
 */
final class S3LockStore implements LockStore {
    /** Attempts of a conditional write that S3 answers 409 ConditionalRequestConflict. */
    static final int CONFLICT_ATTEMPTS = 5;

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

    private final S3Client s3;
    private final AutoCloseable owned;
    private final String bucket;
    private final String key;
    private final TimeSource time;

    S3LockStore(S3Client s3, AutoCloseable owned, String bucket, String key, TimeSource time) {
        this.s3 = s3;
        this.owned = owned;
        this.bucket = bucket;
        this.key = key;
        this.time = time;
    }

    @Override
    public Optional<Stored> read() throws UserFixableException {
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(
                    new Stored(object.asByteArray(), object.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw explain(e, "s3:GetObject", "read");
        }
    }

    @Override
    public String create(byte[] content) throws Changed, UserFixableException, InterruptedException {
        return put(Optional.empty(), content);
    }

    @Override
    public String replace(String version, byte[] content) throws Changed, UserFixableException, InterruptedException {
        return put(Optional.of(version), content);
    }

    private String put(Optional<String> version, byte[] content)
            throws Changed, UserFixableException, InterruptedException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return s3.putObject(
                                r -> {
                                    r.bucket(bucket).key(key).contentType("text/plain; charset=utf-8");
                                    version.ifPresentOrElse(r::ifMatch, () -> r.ifNoneMatch("*"));
                                },
                                RequestBody.fromBytes(content))
                        .eTag();
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    throw new Changed(version.isEmpty() ? "the lock exists" : "the lock changed");
                }
                if (e.statusCode() == 404 && version.isPresent()) {
                    throw new Changed("the lock was removed");
                }
                if (e.statusCode() != 409 || attempt == CONFLICT_ATTEMPTS) {
                    throw explain(e, "s3:PutObject", "write");
                }
                // 409: another conditional write on the key raced this one. For If-Match, S3 asks to read the ETag
                // again first: if it moved, the other write won.
                if (version.isPresent()) {
                    String now = currentVersion().orElseThrow(() -> new Changed("the lock was removed"));
                    if (!sameETag(now, version.get())) {
                        throw new Changed("the lock changed");
                    }
                }
                time.sleep(pause);
                pause = pause.multipliedBy(2);
            } catch (SdkException e) {
                throw explain(e, "s3:PutObject", "write");
            }
        }
    }

    @Override
    public void delete(String version) throws Changed, UserFixableException, InterruptedException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            Optional<String> current = currentVersion();
            if (current.isEmpty()) {
                throw new Changed("the lock was removed");
            }
            if (!sameETag(current.get(), version)) {
                throw new Changed("the lock changed");
            }
            try {
                s3.deleteObject(r -> r.bucket(bucket).key(key).ifMatch(version));
                return;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    throw new Changed("the lock changed");
                }
                if (e.statusCode() == 404) {
                    throw new Changed("the lock was removed");
                }
                if (e.statusCode() != 409 || attempt == CONFLICT_ATTEMPTS) {
                    throw explain(e, "s3:DeleteObject", "remove");
                }
                time.sleep(pause);
                pause = pause.multipliedBy(2);
            } catch (SdkException e) {
                throw explain(e, "s3:DeleteObject", "remove");
            }
        }
    }

    private Optional<String> currentVersion() throws UserFixableException {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(head.eTag());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw explain(e, "s3:GetObject", "read");
        } catch (SdkException e) {
            throw explain(e, "s3:GetObject", "read");
        }
    }

    static boolean sameETag(String a, String b) {
        return unquote(a).equals(unquote(b));
    }

    private static String unquote(String etag) {
        String value = etag.strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + key;
    }

    private UserFixableException explain(SdkException e, String action, String verb) {
        String what = "Cannot " + verb + " the deploy lock " + describe() + ": ";
        Optional<String> proxy = ProxyFailures.explain(e, "S3");
        if (proxy.isPresent()) {
            return new UserFixableException(what + proxy.get(), e);
        }
        if (e instanceof S3Exception s3Error) {
            String code = s3Error.awsErrorDetails() == null
                    ? ""
                    : String.valueOf(s3Error.awsErrorDetails().errorCode());
            Optional<String> clock = ClockSkew.explain(s3Error, "S3");
            if (clock.isPresent()) {
                return new UserFixableException(what + clock.get(), e);
            }
            if (s3Error.statusCode() == 403) {
                return new UserFixableException(
                        what + "access denied (" + code + "). Allow " + action + " (deploys take the lock with"
                                + " s3:GetObject, s3:PutObject and s3:DeleteObject) on arn:aws:s3:::" + bucket + "/"
                                + key + " to the identity the build runs as.",
                        e);
            }
            if (s3Error.statusCode() == 409) {
                return new UserFixableException(
                        what + "S3 answered 409 ConditionalRequestConflict " + CONFLICT_ATTEMPTS + " times: other"
                                + " writes on the lock keep racing this one. Try again.",
                        e);
            }
            return new UserFixableException(
                    what + "S3 answered HTTP " + s3Error.statusCode() + " (" + code + ": "
                            + (s3Error.awsErrorDetails() == null
                                    ? s3Error.getMessage()
                                    : s3Error.awsErrorDetails().errorMessage())
                            + ").",
                    e);
        }
        return new UserFixableException(what + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            // Closing a client releases connections; nothing the deploy can act on.
        }
    }
}
