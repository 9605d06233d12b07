package io.github.cloudfrontmavenplugin.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 as CloudFront, STS and S3 do: the Authorization header must be scoped to the service
 * ({@code cloudfront}, {@code s3}) and to the region the service signs for ({@code us-east-1} for CloudFront's global
 * endpoint), be made within 15 minutes of the service's clock, and match the signature computed from the request with
 * the secret key the emulator knows for that access key.
 */
final class SigV4Verifier {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request,\\s*"
                    + "SignedHeaders=([a-z0-9;-]+),\\s*Signature=([0-9a-f]{64})");

    /** The parts of a request the signature covers. */
    record SignedRequest(
            String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    record Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {}

    /** AWS refuses a request signed more than this far from its own clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What a service expects of a signature: its signing name, the region it signs for, and its clock. */
    record Expected(String service, String region, Instant now) {}

    /**
     * @param expectation the scope's service (S3 signs the path as sent, every other service encodes it once more) and
     *     region, and the clock the request's time is checked against
     * @return the access key the request was signed with
     */
    static String verify(SignedRequest request, Map<String, Credentials> known, Expected expectation) throws ApiError {
        String expectedService = expectation.service();
        String authorization = request.header("Authorization")
                .orElseThrow(() -> new ApiError(403, "MissingAuthenticationToken", "Missing Authentication Token"));
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw new ApiError(
                    403,
                    "IncompleteSignature",
                    "Authorization header is not a valid SigV4 signature: "
                            + authorization.replaceAll("Signature=\\w+", "Signature=..."));
        }
        String accessKeyId = m.group(1);
        String date = m.group(2);
        String region = m.group(3);
        String service = m.group(4);
        List<String> signedHeaders = List.of(m.group(5).split(";"));
        String signature = m.group(6);
        if (!expectedService.equals(service)) {
            throw new ApiError(
                    403,
                    "SignatureDoesNotMatch",
                    "Credential should be scoped to correct service: '" + expectedService + "'.");
        }
        if (!expectation.region().equals(region)) {
            throw "s3".equals(expectedService)
                    ? new ApiError(
                            400,
                            "AuthorizationHeaderMalformed",
                            "The authorization header is malformed; the region '" + region + "' is wrong; expecting '"
                                    + expectation.region() + "'")
                    : new ApiError(
                            403,
                            "SignatureDoesNotMatch",
                            "Credential should be scoped to a valid region, not '" + region + "'. ");
        }
        String amzDate = request.header("X-Amz-Date")
                .orElseThrow(() -> new ApiError(403, "IncompleteSignature", "Missing X-Amz-Date header"));
        checkTime(amzDate, expectation.now(), expectedService);
        if (!amzDate.startsWith(date) || !signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
            throw new ApiError(
                    403,
                    "IncompleteSignature",
                    "The credential date, the X-Amz-Date header and the"
                            + " signed headers (host, x-amz-date) do not agree.");
        }
        Credentials credentials = known.get(accessKeyId);
        if (credentials == null) {
            throw new ApiError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        Optional<String> token = request.header("X-Amz-Security-Token");
        if (!token.equals(credentials.sessionToken())) {
            throw new ApiError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest(request, signedHeaders, !"s3".equals(expectedService))
                        .getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiError(
                    403,
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the"
                            + " signature you provided. Check your AWS Secret Access Key and signing method.");
        }
        return accessKeyId;
    }

    /** As AWS words it: "Signature expired: X is now earlier than Y (NOW - 15 min.)", or "not yet current". */
    private static void checkTime(String amzDate, Instant now, String service) throws ApiError {
        Instant signed;
        try {
            signed = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new ApiError(
                    403, "IncompleteSignature", "X-Amz-Date '" + amzDate + "' is not an ISO 8601 basic time.");
        }
        String code = "s3".equals(service) ? "RequestTimeTooSkewed" : "SignatureDoesNotMatch";
        if (signed.isBefore(now.minus(MAX_SKEW))) {
            throw new ApiError(
                    403,
                    code,
                    "Signature expired: " + amzDate + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW))
                            + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signed.isAfter(now.plus(MAX_SKEW))) {
            throw new ApiError(
                    403,
                    code,
                    "Signature not yet current: " + amzDate + " is still later than "
                            + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }

    static String canonicalRequest(SignedRequest request, List<String> signedHeaders, boolean encodePathAgain)
            throws ApiError {
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method()).append('\n');
        String path = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        canonical.append(encodePathAgain ? encodePath(path) : path).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            String value = request.headers().entrySet().stream()
                    .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name))
                    .flatMap(e -> e.getValue().stream())
                    .map(v -> v.strip().replaceAll("\\s+", " "))
                    .reduce((a, b) -> a + "," + b)
                    .orElseThrow(() -> new ApiError(
                            403, "SignatureDoesNotMatch", "Signed header " + name + " is missing from the request."));
            canonical.append(name).append(':').append(value).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
        String bodyHash = hex(sha256(request.body()));
        String payloadHash = request.header("X-Amz-Content-Sha256").orElse(bodyHash);
        if (!payloadHash.equals(bodyHash) && !payloadHash.equals("UNSIGNED-PAYLOAD")) {
            throw new ApiError(
                    400,
                    "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not" + " match what was computed.");
        }
        canonical.append(payloadHash);
        return canonical.toString();
    }

    /** Every service but S3 signs the path encoded once more than it was sent. */
    private static String encodePath(String rawPath) {
        return rawPath == null || rawPath.isEmpty() ? "/" : uriEncode(rawPath, "-_.~/");
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            sorted.computeIfAbsent(encodeQuery(decode(name)), k -> new ArrayList<>())
                    .add(encodeQuery(decode(value)));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(v -> parts.add(name + "=" + v)));
        return String.join("&", parts);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encodeQuery(String text) {
        return uriEncode(text, "-_.~");
    }

    /** SigV4's URI encoding: letters, digits and {@code unreserved} stay, every other byte becomes {@code %XX}. */
    private static String uriEncode(String text, String unreserved) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || unreserved.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
