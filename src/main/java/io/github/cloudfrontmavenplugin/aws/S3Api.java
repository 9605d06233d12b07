package io.github.cloudfrontmavenplugin.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.AccessDeniedException;
import software.amazon.awssdk.services.s3.model.AnnotationLimitExceededException;
import software.amazon.awssdk.services.s3.model.AnnotationNameTooLongException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.EncryptionTypeMismatchException;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.IdempotencyParameterMismatchException;
import software.amazon.awssdk.services.s3.model.InvalidAnnotationNameException;
import software.amazon.awssdk.services.s3.model.InvalidObjectStateException;
import software.amazon.awssdk.services.s3.model.InvalidPrefixException;
import software.amazon.awssdk.services.s3.model.InvalidRequestException;
import software.amazon.awssdk.services.s3.model.InvalidWriteOffsetException;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchAnnotationException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectAlreadyInActiveTierErrorException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectNotInActiveTierErrorException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.S3Request;
import software.amazon.awssdk.services.s3.model.TooManyPartsException;
import software.amazon.awssdk.services.s3.model.UnsupportedMediaTypeException;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.Logger;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The S3 operations a deploy calls on every run, sent through the SDK's HTTP client, signed by its SigV4 signer and
 * retried by its retry strategy, behind the SDK's own {@link S3Client} interface: the callers keep the SDK's request,
 * response and exception classes. The generated client does the same through a pipeline of interceptors, endpoint
 * rules and model marshallers that a cold Maven JVM loads, links and compiles before and during its first calls:
 * {@code bench/s3-client-cost.sh} measures both, side by side, and the README's Performance section has the figures.
 *
 * <p>Headers and query parameters are written, and response headers read, from the model's own field descriptions
 * ({@link SdkField}), so a field the SDK sends as a header is sent as that header here. A request this class cannot
 * send as the generated client would (a body member it does not write, or request settings that add headers, change
 * credentials or time out), the multipart operations and ListObjectVersions go to the generated client, built on first
 * use with the same settings. Any other operation is not implemented: the interface's default throws {@link
 * UnsupportedOperationException}, as for any S3Client that lacks it.
 *
 * <p>Where requests go is {@link Addressing}'s ({@link S3Endpoint}, by the SDK's endpoint rules). S3's answer that a
 * bucket is in another region (HTTP 301, 307 or 400 with {@code x-amz-bucket-region}) moves every later request for
 * that bucket there, as the generated client's cross-region access does.
 */
final class S3Api implements S3Client {
    private static final Logger LOG = Logger.loggerFor(S3Api.class);
    private static final String SERVICE = "S3";
    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** The error codes the SDK's S3 model has an exception class for, as the generated client registers them. */
    private static final Map<String, Supplier<S3Exception.Builder>> MODELED = Map.ofEntries(
            Map.entry("AccessDenied", AccessDeniedException::builder),
            Map.entry("AnnotationLimitExceeded", AnnotationLimitExceededException::builder),
            Map.entry("AnnotationNameTooLong", AnnotationNameTooLongException::builder),
            Map.entry("BucketAlreadyExists", BucketAlreadyExistsException::builder),
            Map.entry("BucketAlreadyOwnedByYou", BucketAlreadyOwnedByYouException::builder),
            Map.entry("EncryptionTypeMismatch", EncryptionTypeMismatchException::builder),
            Map.entry("IdempotencyParameterMismatch", IdempotencyParameterMismatchException::builder),
            Map.entry("InvalidAnnotationName", InvalidAnnotationNameException::builder),
            Map.entry("InvalidObjectState", InvalidObjectStateException::builder),
            Map.entry("InvalidPrefix", InvalidPrefixException::builder),
            Map.entry("InvalidRequest", InvalidRequestException::builder),
            Map.entry("InvalidWriteOffset", InvalidWriteOffsetException::builder),
            Map.entry("NoSuchAnnotation", NoSuchAnnotationException::builder),
            Map.entry("NoSuchBucket", NoSuchBucketException::builder),
            Map.entry("NoSuchKey", NoSuchKeyException::builder),
            Map.entry("NoSuchUpload", NoSuchUploadException::builder),
            Map.entry("ObjectAlreadyInActiveTierError", ObjectAlreadyInActiveTierErrorException::builder),
            Map.entry("ObjectNotInActiveTierError", ObjectNotInActiveTierErrorException::builder),
            Map.entry("TooManyParts", TooManyPartsException::builder),
            Map.entry("UnsupportedMediaType", UnsupportedMediaTypeException::builder));

    /** Where requests for a bucket go, in a region: the base URI keys go below, and the region to sign for. */
    interface Addressing {
        Address of(String bucket, String region);

        /** Whether S3's answer that a bucket lives elsewhere is followed (not for an endpoint of one's own). */
        boolean followsRegions();

        /** Every bucket at {@code address}, S3's redirects not followed: for clients answered in memory. */
        static Addressing fixed(Address address) {
            return new Addressing() {
                @Override
                public Address of(String bucket, String region) {
                    return address;
                }

                @Override
                public boolean followsRegions() {
                    return false;
                }
            };
        }
    }

    /**
     * @param base scheme, host, port and path under which {@code /key} goes: the bucket's own URL
     * @param signingName the service name signatures are made for: {@code s3}
     */
    record Address(URI base, String signingName, String signingRegion) {}

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Addressing addressing;
    private final String region;
    private final SignedCalls calls;
    private final Supplier<S3Client> generated;
    private final boolean logs;
    private final HttpSigner<AwsCredentialsIdentity> signer = AwsV4HttpSigner.create();
    private final Map<String, String> regionOfBucket = new ConcurrentHashMap<>();
    private final Object generatedLock = new Object();
    private S3Client generatedClient;

    /**
     * @param region where buckets are assumed to be until S3 says otherwise
     * @param generated builds the SDK's generated client, for the operations and fields this class does not send
     */
    S3Api(
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            Addressing addressing,
            String region,
            RetryStrategy retries,
            Supplier<S3Client> generated) {
        this(http, credentials, addressing, region, retries, generated, true);
    }

    /**
     * @param logs false for {@link S3WarmUp}, whose requests are answered in memory: a debug line for them would show a
     *     request that was never sent
     */
    S3Api(
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            Addressing addressing,
            String region,
            RetryStrategy retries,
            Supplier<S3Client> generated,
            boolean logs) {
        this.http = http;
        this.credentials = credentials;
        this.addressing = addressing;
        this.region = region;
        this.logs = logs;
        this.calls = new SignedCalls(SERVICE, retries, this::debug);
        this.generated = generated;
    }

    private void debug(Supplier<String> line) {
        if (logs) {
            LOG.debug(line);
        }
    }

    /** The generated client, built once, on the first call this class passes on. */
    S3Client generated() {
        synchronized (generatedLock) {
            if (generatedClient == null) {
                debug(() -> "Building the SDK's S3 client for an operation the plugin's own does not send");
                generatedClient = generated.get();
            }
            return generatedClient;
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public S3ServiceClientConfiguration serviceClientConfiguration() {
        return generated().serviceClientConfiguration();
    }

    @Override
    public void close() {
        synchronized (generatedLock) {
            if (generatedClient != null) {
                generatedClient.close();
            }
        }
        http.close();
    }

    // ---- Operations ------------------------------------------------------------------------------------------------

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        if (!onlyWire(request)) {
            return generated().putObject(request, body);
        }
        Call call = new Call("PutObject", SdkHttpMethod.PUT, request.bucket(), request.key(), request);
        long length = body.optionalContentLength().orElse(-1L);
        if (length >= 0) {
            call.header("Content-Length", Long.toString(length));
        }
        if (request.contentType() == null) {
            call.header("Content-Type", body.contentType());
        }
        Answer answer = send(call, Optional.of(body.contentStreamProvider()));
        answer.close();
        return headers(PutObjectResponse.builder(), answer.response()).build();
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        if (!onlyWire(request)) {
            return generated().getObject(request, transformer);
        }
        Answer answer = send(
                new Call("GetObject", SdkHttpMethod.GET, request.bucket(), request.key(), request), Optional.empty());
        GetObjectResponse response =
                headers(GetObjectResponse.builder(), answer.response()).build();
        AbortableInputStream content =
                answer.body().orElseGet(() -> AbortableInputStream.create(new ByteArrayInputStream(new byte[0])));
        try {
            T result = transformer.transform(response, content);
            if (!transformer.needsConnectionLeftOpen()) {
                IoUtils.closeQuietlyV2(content, null);
            }
            return result;
        } catch (RuntimeException e) {
            IoUtils.closeQuietlyV2(content, null);
            throw e;
        } catch (Exception e) {
            IoUtils.closeQuietlyV2(content, null);
            throw SdkClientException.builder()
                    .message("Unable to read the answer to GetObject: " + e.getMessage())
                    .cause(e)
                    .build();
        }
    }

    @Override
    public ResponseBytes<GetObjectResponse> getObjectAsBytes(GetObjectRequest request) {
        return getObject(request, ResponseTransformer.toBytes());
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        if (!onlyWire(request)) {
            return generated().headObject(request);
        }
        Answer answer = send(
                new Call("HeadObject", SdkHttpMethod.HEAD, request.bucket(), request.key(), request), Optional.empty());
        answer.close();
        return headers(HeadObjectResponse.builder(), answer.response()).build();
    }

    @Override
    public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
        if (!onlyWire(request)) {
            return generated().deleteObject(request);
        }
        Answer answer = send(
                new Call("DeleteObject", SdkHttpMethod.DELETE, request.bucket(), request.key(), request),
                Optional.empty());
        answer.close();
        return headers(DeleteObjectResponse.builder(), answer.response()).build();
    }

    @Override
    public CopyObjectResponse copyObject(CopyObjectRequest request) {
        if (!onlyWire(request, "SourceBucket", "SourceKey", "SourceVersionId")
                || request.sourceBucket() == null
                || request.sourceKey() == null) {
            return generated().copyObject(request);
        }
        Call call = new Call(
                "CopyObject", SdkHttpMethod.PUT, request.destinationBucket(), request.destinationKey(), request);
        // The source's members are not headers of their own in the model: they make up x-amz-copy-source.
        call.header(
                "x-amz-copy-source",
                SdkHttpUtils.urlEncodeIgnoreSlashes(request.sourceBucket() + "/" + request.sourceKey())
                        + (request.sourceVersionId() == null
                                ? ""
                                : "?versionId=" + SdkHttpUtils.urlEncodeIgnoreSlashes(request.sourceVersionId())));
        call.errorsIn200 = true;
        Answer answer = send(call, Optional.empty());
        XmlElement body = answer.xml(call);
        CopyObjectResult.Builder result = CopyObjectResult.builder();
        body.childText("ETag").ifPresent(result::eTag);
        body.childText("LastModified").map(S3Api::instant).ifPresent(result::lastModified);
        return headers(CopyObjectResponse.builder(), answer.response())
                .copyObjectResult(result.build())
                .build();
    }

    @Override
    public DeleteObjectsResponse deleteObjects(DeleteObjectsRequest request) {
        if (!onlyWire(request, "Delete")
                || request.delete().objects().stream()
                        .anyMatch(o -> o.eTag() != null || o.lastModifiedTime() != null || o.size() != null)) {
            // A conditional delete names what each object must still be: members this class does not write.
            return generated().deleteObjects(request);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        for (ObjectIdentifier object : request.delete().objects()) {
            xml.append("<Object>");
            SignedCalls.element(xml, "Key", object.key());
            if (object.versionId() != null) {
                SignedCalls.element(xml, "VersionId", object.versionId());
            }
            xml.append("</Object>");
        }
        if (Boolean.TRUE.equals(request.delete().quiet())) {
            xml.append("<Quiet>true</Quiet>");
        }
        xml.append("</Delete>");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        Call call = new Call("DeleteObjects", SdkHttpMethod.POST, request.bucket(), null, request)
                .query("delete", null)
                .header("Content-Type", "application/xml")
                .header("Content-Length", Integer.toString(bytes.length))
                // S3 requires an integrity check of this body: Content-MD5 is the one every S3-compatible store takes.
                .header("Content-MD5", Base64.getEncoder().encodeToString(md5(bytes)));
        Answer answer = send(call, Optional.of(ContentStreamProvider.fromByteArrayUnsafe(bytes)));
        XmlElement result = answer.xml(call);
        List<DeletedObject> deleted = new ArrayList<>();
        for (XmlElement one : result.children("Deleted")) {
            deleted.add(DeletedObject.builder()
                    .key(one.childText("Key").orElse(null))
                    .versionId(one.childText("VersionId").orElse(null))
                    .deleteMarker(
                            one.childText("DeleteMarker").map(Boolean::valueOf).orElse(null))
                    .deleteMarkerVersionId(
                            one.childText("DeleteMarkerVersionId").orElse(null))
                    .build());
        }
        List<S3Error> errors = new ArrayList<>();
        for (XmlElement one : result.children("Error")) {
            errors.add(S3Error.builder()
                    .key(one.childText("Key").orElse(null))
                    .versionId(one.childText("VersionId").orElse(null))
                    .code(one.childText("Code").orElse(null))
                    .message(one.childText("Message").orElse(null))
                    .build());
        }
        return headers(DeleteObjectsResponse.builder(), answer.response())
                .deleted(deleted)
                .errors(errors)
                .build();
    }

    @Override
    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        if (!onlyWire(request)) {
            return generated().listObjectsV2(request);
        }
        Call call =
                new Call("ListObjectsV2", SdkHttpMethod.GET, request.bucket(), null, request).query("list-type", "2");
        Answer answer = send(call, Optional.empty());
        byte[] page = answer.bytes(call);
        try {
            return readListing(page, headers(ListObjectsV2Response.builder(), answer.response()));
        } catch (XMLStreamException | RuntimeException e) {
            throw SdkClientException.builder()
                    .message("Unable to unmarshall response from " + SERVICE + " to ListObjectsV2: " + e.getMessage())
                    .cause(e)
                    .build();
        }
    }

    /**
     * A page of ListObjectsV2 read in one pass, without a tree of its elements, which for 1,000 keys cost more than
     * the generated client's own reading; keys and prefixes S3 encoded because the request asked it to are decoded,
     * as the generated client decodes them.
     */
    private static ListObjectsV2Response readListing(byte[] page, ListObjectsV2Response.Builder response)
            throws XMLStreamException {
        XMLStreamReader reader = XmlElement.reader(page);
        Map<String, String> top = new HashMap<>();
        List<Map<String, String>> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        try {
            int depth = 0;
            Map<String, String> object = null;
            boolean inPrefix = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    object = depth == 1 ? null : object;
                    inPrefix = depth != 1 && inPrefix;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (depth == 1 && name.equals("Contents")) {
                    object = new HashMap<>(8);
                    objects.add(object);
                    depth++;
                } else if (depth == 1 && name.equals("CommonPrefixes")) {
                    inPrefix = true;
                    depth++;
                } else if (depth == 1 && PAGE_MEMBERS.contains(name)) {
                    top.put(name, reader.getElementText());
                } else if (depth == 2 && object != null && OBJECT_MEMBERS.contains(name)) {
                    object.put(name, reader.getElementText());
                } else if (depth == 2 && inPrefix && name.equals("Prefix")) {
                    prefixes.add(reader.getElementText());
                } else {
                    depth++;
                }
            }
        } finally {
            reader.close();
        }
        Function<String, String> decode =
                "url".equals(top.get("EncodingType")) ? SdkHttpUtils::urlDecode : Function.identity();
        List<S3Object> contents = new ArrayList<>(objects.size());
        for (Map<String, String> object : objects) {
            S3Object.Builder one = S3Object.builder()
                    .key(decodeIfPresent(object.get("Key"), decode))
                    .eTag(object.get("ETag"))
                    .storageClass(object.get("StorageClass"));
            Optional.ofNullable(object.get("Size")).map(Long::valueOf).ifPresent(one::size);
            Optional.ofNullable(object.get("LastModified")).map(S3Api::instant).ifPresent(one::lastModified);
            contents.add(one.build());
        }
        response.name(top.get("Name"))
                .prefix(decodeIfPresent(top.get("Prefix"), decode))
                .delimiter(decodeIfPresent(top.get("Delimiter"), decode))
                .startAfter(decodeIfPresent(top.get("StartAfter"), decode))
                .continuationToken(top.get("ContinuationToken"))
                .nextContinuationToken(top.get("NextContinuationToken"))
                .encodingType(top.get("EncodingType"))
                .contents(contents)
                .commonPrefixes(prefixes.stream()
                        .map(prefix -> CommonPrefix.builder()
                                .prefix(decode.apply(prefix))
                                .build())
                        .toList());
        Optional.ofNullable(top.get("IsTruncated")).map(Boolean::valueOf).ifPresent(response::isTruncated);
        Optional.ofNullable(top.get("KeyCount")).map(Integer::valueOf).ifPresent(response::keyCount);
        Optional.ofNullable(top.get("MaxKeys")).map(Integer::valueOf).ifPresent(response::maxKeys);
        return response.build();
    }

    private static final Set<String> PAGE_MEMBERS = Set.of(
            "Name",
            "Prefix",
            "Delimiter",
            "StartAfter",
            "ContinuationToken",
            "NextContinuationToken",
            "EncodingType",
            "IsTruncated",
            "KeyCount",
            "MaxKeys");

    /** The members of a listed object the plugin reads; its owner, checksums and restore status are left out. */
    private static final Set<String> OBJECT_MEMBERS = Set.of("Key", "ETag", "Size", "LastModified", "StorageClass");

    private static String decodeIfPresent(String value, Function<String, String> decode) {
        return value == null ? null : decode.apply(value);
    }

    @Override
    public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
        if (!onlyWire(request)) {
            return generated().getBucketVersioning(request);
        }
        Call call = new Call("GetBucketVersioning", SdkHttpMethod.GET, request.bucket(), null, request)
                .query("versioning", null);
        Answer answer = send(call, Optional.empty());
        XmlElement result = answer.xml(call);
        return headers(GetBucketVersioningResponse.builder(), answer.response())
                .status(result.childText("Status")
                        .map(BucketVersioningStatus::fromValue)
                        .orElse(null))
                .mfaDelete(result.childText("MfaDelete").orElse(null))
                .build();
    }

    // The operations a deploy seldom calls (a file of 16 MiB or more, a rollback's search for a version) go to the
    // generated client: its start costs nothing to the deploys that never call them.

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        return generated().createMultipartUpload(request);
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        return generated().uploadPart(request, body);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        return generated().completeMultipartUpload(request);
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        return generated().abortMultipartUpload(request);
    }

    @Override
    public ListObjectVersionsResponse listObjectVersions(ListObjectVersionsRequest request) {
        return generated().listObjectVersions(request);
    }

    // ---- Marshalling -----------------------------------------------------------------------------------------------

    /**
     * Whether every member {@code request} sets is one this class writes: a header, a query parameter, the bucket or
     * the key, or one of {@code payloadMembers}, which the operation writes itself.
     */
    private static boolean onlyWire(S3Request request, String... payloadMembers) {
        if (request.overrideConfiguration().filter(S3Api::changesTheCall).isPresent()) {
            return false;
        }
        for (SdkField<?> field : request.sdkFields()) {
            if (field.getValueOrDefault(request) == null) {
                continue;
            }
            MarshallLocation location = field.location();
            if (location == MarshallLocation.PAYLOAD && !List.of(payloadMembers).contains(field.memberName())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a request's own settings change what is sent or how: headers, query parameters, credentials, a signer,
     * timeouts, plugins. The SDK's paginators name themselves in every page's settings; a name only adds to the
     * User-Agent, which S3 does not read.
     */
    private static boolean changesTheCall(AwsRequestOverrideConfiguration settings) {
        return !settings.headers().isEmpty()
                || !settings.rawQueryParameters().isEmpty()
                || settings.credentialsIdentityProvider().isPresent()
                || settings.signer().isPresent()
                || settings.apiCallTimeout().isPresent()
                || settings.apiCallAttemptTimeout().isPresent()
                || !settings.plugins().isEmpty()
                || !settings.metricPublishers().isEmpty()
                || settings.compressionConfiguration().isPresent();
    }

    /** One request's method, bucket, key, headers and query, as the model's fields place them. */
    private final class Call {
        final String operation;
        final SdkHttpMethod method;
        final String bucket;
        final Optional<String> key;
        final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, List<String>> query = new TreeMap<>();
        /** S3 may answer such a call 200 and still have failed: the error is then the body, read before it counts. */
        boolean errorsIn200;

        Call(String operation, SdkHttpMethod method, String bucket, String key, SdkPojo request) {
            this.operation = operation;
            this.method = method;
            this.bucket = bucket;
            this.key = Optional.ofNullable(key);
            for (SdkField<?> field : request.sdkFields()) {
                Object value = field.getValueOrDefault(request);
                if (value == null) {
                    continue;
                }
                if (field.location() == MarshallLocation.HEADER) {
                    if (value instanceof Map<?, ?> map) {
                        map.forEach((name, text) -> header(field.locationName() + name, String.valueOf(text)));
                    } else if (!(value instanceof List<?> list) || !list.isEmpty()) {
                        header(field.locationName(), text(field, value));
                    }
                } else if (field.location() == MarshallLocation.QUERY_PARAM) {
                    query(field.locationName(), text(field, value));
                }
            }
        }

        Call header(String name, String value) {
            headers.put(name, List.of(value));
            return this;
        }

        /** @param value null for a parameter without one, such as {@code ?delete} */
        Call query(String name, String value) {
            query.put(name, Collections.singletonList(value));
            return this;
        }

        String describe() {
            return operation + " s3://" + bucket + "/" + key.orElse("");
        }
    }

    private static String text(SdkField<?> field, Object value) {
        if (value instanceof Instant instant) {
            return HTTP_DATE.format(instant.atZone(ZoneOffset.UTC));
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** Sets every header-bound member of a response from the answer's headers, as the SDK's unmarshaller does. */
    private static <B extends SdkPojo> B headers(B builder, SdkHttpResponse response) {
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.location() != MarshallLocation.HEADER) {
                continue;
            }
            if (field.marshallingType() == MarshallingType.MAP) {
                Map<String, String> metadata = new TreeMap<>();
                response.forEachHeader((name, values) -> {
                    if (name.regionMatches(
                                    true,
                                    0,
                                    field.locationName(),
                                    0,
                                    field.locationName().length())
                            && !values.isEmpty()) {
                        metadata.put(name.substring(field.locationName().length()), values.get(0));
                    }
                });
                if (!metadata.isEmpty()) {
                    field.set(builder, metadata);
                }
                continue;
            }
            Optional<String> value = response.firstMatchingHeader(field.locationName());
            if (value.isEmpty()) {
                continue;
            }
            try {
                field.set(builder, typed(field.marshallingType(), value.get()));
            } catch (RuntimeException unreadable) {
                // As the SDK does for a member it cannot convert, such as an Expires that is not a date: left unset.
            }
        }
        return builder;
    }

    private static Object typed(MarshallingType<?> type, String value) {
        if (type == MarshallingType.LONG) {
            return Long.valueOf(value);
        }
        if (type == MarshallingType.INTEGER) {
            return Integer.valueOf(value);
        }
        if (type == MarshallingType.BOOLEAN) {
            return Boolean.valueOf(value);
        }
        if (type == MarshallingType.INSTANT) {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        }
        if (type == MarshallingType.STRING) {
            return value;
        }
        throw new IllegalArgumentException("not a header type: " + type);
    }

    /**
     * A time as S3 writes it in XML, such as {@code 2009-10-12T17:50:30.000Z}, read without java.time's parser: a
     * listing holds one per key, and in a cold JVM the parser cost the listing's thread about as much as the XML
     * around them. Stores that speak S3's protocol write the seconds' fraction differently (S3Proxy writes none, as in
     * {@code 2009-10-12T17:50:30Z}), so a fraction of 0 to 9 digits is read the same way. Any other form, or a date
     * that does not exist, goes to {@link Instant#parse}, which reads it or throws as it always did.
     */
    static Instant instant(String iso) {
        int length = iso.length();
        if (length >= 20
                && length <= 30
                && length != 21
                && iso.charAt(4) == '-'
                && iso.charAt(7) == '-'
                && iso.charAt(10) == 'T'
                && iso.charAt(13) == ':'
                && iso.charAt(16) == ':'
                && (length == 20 || iso.charAt(19) == '.')
                && iso.charAt(length - 1) == 'Z') {
            int year = digits(iso, 0, 4);
            int month = digits(iso, 5, 2);
            int day = digits(iso, 8, 2);
            int hour = digits(iso, 11, 2);
            int minute = digits(iso, 14, 2);
            int second = digits(iso, 17, 2);
            int fractionDigits = Math.max(0, length - 21);
            int fraction = digits(iso, 20, fractionDigits);
            int nanos = fraction;
            for (int scale = fractionDigits; scale < 9; scale++) {
                nanos *= 10;
            }
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && fraction >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeException notADate) {
                    // Such as February 30th or a leap second: Instant.parse says which.
                }
            }
        }
        return Instant.parse(iso);
    }

    /** The decimal number of {@code length} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    // ---- Sending ---------------------------------------------------------------------------------------------------

    /** An answer that succeeded: its status and headers, and its body, open until read or closed. */
    private final class Answer implements AutoCloseable {
        private final SdkHttpResponse response;
        private final Optional<AbortableInputStream> body;
        private byte[] bytes;

        Answer(SdkHttpResponse response, Optional<AbortableInputStream> body) {
            this.response = response;
            this.body = body;
        }

        SdkHttpResponse response() {
            return response;
        }

        Optional<AbortableInputStream> body() {
            return body;
        }

        byte[] bytes(Call call) {
            try {
                if (bytes == null) {
                    bytes = body.isPresent() ? SignedCalls.readAll(body.get()) : new byte[0];
                }
                return bytes;
            } catch (IOException e) {
                throw SdkClientException.builder()
                        .message("Unable to read the answer to " + call.operation + ": " + e.getMessage())
                        .cause(e)
                        .build();
            }
        }

        XmlElement xml(Call call) {
            bytes(call);
            try {
                return XmlElement.parse(bytes);
            } catch (XMLStreamException e) {
                throw SdkClientException.builder()
                        .message("Unable to unmarshall response from " + SERVICE + " to " + call.operation
                                + ": the answer (HTTP " + response.statusCode() + ") is not XML")
                        .cause(e)
                        .build();
            }
        }

        @Override
        public void close() {
            body.ifPresent(in -> IoUtils.closeQuietlyV2(in, null));
        }
    }

    /** Sends one call, with retries as the SDK makes them, following S3 to the bucket's region. */
    private Answer send(Call call, Optional<ContentStreamProvider> content) {
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        String invocation = UUID.randomUUID().toString();
        return calls.call(call.describe(), (number, signWith) -> {
            try {
                return attempt(call, content, identity, invocation, number, signWith);
            } catch (S3Exception failure) {
                Optional<String> elsewhere =
                        addressing.followsRegions() ? movedTo(failure, call.bucket) : Optional.empty();
                if (elsewhere.isEmpty()) {
                    throw failure;
                }
                regionOfBucket.put(call.bucket, elsewhere.get());
                debug(() -> "S3 bucket " + call.bucket + " is in " + elsewhere.get() + "; sending there");
                return attempt(call, content, identity, invocation, number, signWith);
            }
        });
    }

    /** The region S3 says a bucket is in, when it refused a request for being sent to another. */
    private Optional<String> movedTo(S3Exception failure, String bucket) {
        int status = failure.statusCode();
        if (status != 301 && status != 307 && status != 400) {
            return Optional.empty();
        }
        Optional<String> region =
                failure.awsErrorDetails() == null || failure.awsErrorDetails().sdkHttpResponse() == null
                        ? Optional.empty()
                        : failure.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
        return region.filter(r -> !r.equals(regionOf(bucket)));
    }

    private String regionOf(String bucket) {
        return regionOfBucket.getOrDefault(bucket, region);
    }

    private Answer attempt(
            Call call,
            Optional<ContentStreamProvider> content,
            AwsCredentialsIdentity identity,
            String invocation,
            int number,
            Duration signedWith) {
        String bucketRegion = regionOf(call.bucket);
        Address address = addressing.of(call.bucket, bucketRegion);
        String basePath =
                address.base().getRawPath() == null ? "" : address.base().getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        String path =
                call.key.isPresent() ? basePath + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(call.key.get()) : basePath;
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(call.method)
                .uri(address.base())
                .encodedPath(path);
        call.query.forEach(request::putRawQueryParameter);
        call.headers.forEach(request::putHeader);
        request.putHeader("amz-sdk-invocation-id", invocation)
                .putHeader("amz-sdk-request", "attempt=" + number + "; max=" + calls.maxAttempts())
                .putHeader("User-Agent", UserAgent.HEADER);
        SdkHttpFullRequest unsigned = request.build();
        Clock clock = SignedCalls.clock(signedWith);
        boolean https = "https".equalsIgnoreCase(address.base().getScheme());
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(unsigned)
                .payload(content.orElse(null))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, address.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, address.signingRegion())
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                // As the generated client: over HTTPS a body goes unsigned (TLS protects it); over HTTP it is hashed.
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, !https && content.isPresent())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        debug(() -> SERVICE + " request: " + call.method + " " + unsigned.getUri() + " (attempt " + number + ")");
        HttpExecuteResponse executed;
        try {
            executed = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElse(null))
                            .build())
                    .call();
        } catch (IOException | UncheckedIOException e) {
            throw SignedCalls.ioFailure(e, number);
        }
        SdkHttpResponse response = executed.httpResponse();
        debug(() -> SERVICE + " answered HTTP " + response.statusCode()
                + response.firstMatchingHeader("x-amz-request-id")
                        .map(id -> " (request id " + id + ")")
                        .orElse(""));
        if (!response.isSuccessful()) {
            byte[] body;
            try {
                body = executed.responseBody().isPresent()
                        ? SignedCalls.readAll(executed.responseBody().get())
                        : new byte[0];
            } catch (IOException e) {
                throw SignedCalls.ioFailure(e, number);
            }
            throw serviceError(call, response, body, signedWith, number);
        }
        Answer answer = new Answer(response, executed.responseBody());
        if (call.errorsIn200) {
            XmlElement body = answer.xml(call);
            if (body.name().equals("Error")) {
                throw serviceError(call, response, answer.bytes, signedWith, number);
            }
        }
        return answer;
    }

    /**
     * An error answer as the SDK's S3 client reports it: S3's code and message from the body; for an answer without
     * one (a HEAD), NoSuchKey for a key that is not there, and the status alone otherwise.
     */
    private static S3Exception serviceError(
            Call call, SdkHttpResponse response, byte[] body, Duration signedWith, int attempt) {
        Optional<XmlElement> error = Optional.empty();
        try {
            if (body.length > 0) {
                XmlElement root = XmlElement.parse(body);
                if (root.name().equals("Error")) {
                    error = Optional.of(root);
                }
            }
        } catch (XMLStreamException notS3) {
            // A proxy's or load balancer's page: the status code is all there is.
        }
        Optional<String> code = error.flatMap(e -> e.childText("Code"));
        boolean missingKey = code.map("NoSuchKey"::equals)
                .orElse(response.statusCode() == 404 && call.method == SdkHttpMethod.HEAD && call.key.isPresent());
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(missingKey ? "NoSuchKey" : code.orElse(null))
                .errorMessage(error.flatMap(e -> e.childText("Message"))
                        .orElse(missingKey ? "The specified key does not exist." : null))
                .serviceName(SERVICE)
                .sdkHttpResponse(response)
                .rawResponse(SdkBytes.fromByteArrayUnsafe(body))
                .build();
        S3Exception.Builder builder = MODELED.getOrDefault(String.valueOf(details.errorCode()), S3Exception::builder)
                .get();
        builder.awsErrorDetails(details)
                .statusCode(response.statusCode())
                .requestId(error.flatMap(e -> e.childText("RequestId"))
                        .or(() -> response.firstMatchingHeader("x-amz-request-id"))
                        .orElse(null))
                .extendedRequestId(error.flatMap(e -> e.childText("HostId"))
                        .or(() -> response.firstMatchingHeader("x-amz-id-2"))
                        .orElse(null))
                .message(
                        details.errorMessage() == null
                                ? "(Service: S3, Status Code: " + response.statusCode() + ")"
                                : details.errorMessage())
                .clockSkew(signedWith.negated())
                .numAttempts(attempt);
        return (S3Exception) builder.build();
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
