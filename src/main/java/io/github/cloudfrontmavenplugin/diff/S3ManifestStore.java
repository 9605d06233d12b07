package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.HttpClients;
import io.github.cloudfrontmavenplugin.aws.S3Clients;
import io.github.cloudfrontmavenplugin.aws.S3Failures;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.IoUtils;

/**
 * A manifest in an S3 object, so that ephemeral CI runners share it. It is replaced with a conditional write on the
 * ETag read at the start ({@code If-Match}, or {@code If-None-Match: *} for the first one): of two deploys racing on
 * one manifest, the second to write fails instead of silently dropping the first one's record.
 */
public final class S3ManifestStore implements ManifestStore {
    private final S3Client s3;
    private final AwsCredentialsProvider credentials;
    private final String bucket;
    private final String key;
    private final S3Failures failures;

    private S3ManifestStore(
            S3Client s3, AwsCredentialsProvider credentials, String bucket, String key, Optional<URI> endpoint) {
        this.s3 = s3;
        this.credentials = credentials;
        this.bucket = bucket;
        this.key = key;
        this.failures = S3Failures.of(bucket, endpoint, "<manifest> (cloudfront.manifest)");
    }

    public static S3ManifestStore connect(String bucket, String key, ConnectionSettings settings)
            throws UserFixableException {
        S3Clients.Connection connection = S3Clients.connect(settings, bucket, HttpClients.DEFAULT_MAX_CONNECTIONS);
        return new S3ManifestStore(connection.s3(), connection.credentials(), bucket, key, settings.endpoint());
    }

    @Override
    public Snapshot read(Path workDirectory) throws IOException, UserFixableException {
        Path copy = Files.createTempFile(workDirectory, "manifest-", ".previous");
        try (ResponseInputStream<GetObjectResponse> object =
                s3.getObject(r -> r.bucket(bucket).key(key))) {
            Files.copy(object, copy, StandardCopyOption.REPLACE_EXISTING);
            return new Snapshot(Optional.of(copy), Optional.of(object.response().eTag()));
        } catch (NoSuchKeyException e) {
            Files.deleteIfExists(copy);
            return Snapshot.ABSENT;
        } catch (SdkException e) {
            Files.deleteIfExists(copy);
            throw explain(e, "s3:GetObject", "read");
        }
    }

    @Override
    public void replace(Snapshot basis, Path next) throws UserFixableException {
        PutObjectRequest.Builder put =
                PutObjectRequest.builder().bucket(bucket).key(key).contentType("text/plain; charset=utf-8");
        if (basis.version().isPresent()) {
            put.ifMatch(basis.version().get());
        } else {
            put.ifNoneMatch("*");
        }
        try {
            s3.putObject(put.build(), RequestBody.fromFile(next));
        } catch (S3Exception e) {
            // 412: the ETag changed; 409: a concurrent conditional write; 404 on If-Match: deleted meanwhile.
            if (e.statusCode() == 412
                    || e.statusCode() == 409
                    || (e.statusCode() == 404
                            && basis.version().isPresent()
                            && "NoSuchKey".equals(S3Failures.code(e)))) {
                throw ManifestStore.conflict(describe());
            }
            throw explain(e, "s3:PutObject", "write");
        } catch (SdkException e) {
            throw explain(e, "s3:PutObject", "write");
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + key;
    }

    private UserFixableException explain(SdkException e, String action, String verb) {
        // Without s3:ListBucket, S3 hides whether a key exists: the first deploy's missing manifest is a 403.
        String listBucket = action.equals("s3:GetObject")
                ? ", and s3:ListBucket on arn:aws:s3:::" + bucket + " (without it S3 answers a manifest that does not"
                        + " exist yet, as on the first deploy, with 403 instead of 404)"
                : "";
        return new UserFixableException(
                "Cannot " + verb + " the manifest " + describe() + ": "
                        + failures.explain(e, action + " on arn:aws:s3:::" + bucket + "/" + key + listBucket),
                e);
    }

    @Override
    public void close() {
        s3.close();
        IoUtils.closeIfCloseable(credentials, null);
    }
}
