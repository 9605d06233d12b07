package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * IAM Identity Center as the SDK calls it for a profile, both in their REST-JSON shapes. The portal's {@code
 * GetRoleCredentials}: {@code GET /federation/credentials?role_name=&account_id=} with the access token of {@code aws
 * sso login} in the {@code x-amz-sso_bearer_token} header, answered with {@code roleCredentials}; an unknown or expired
 * token is refused with 401 {@code UnauthorizedException}, a role the user is not assigned with 403 {@code
 * ForbiddenException}. And the OIDC service's {@code CreateToken} with {@code grantType} {@code refresh_token}: {@code
 * POST /token}, which renews an expired access token with the refresh token of the cache (rotating it), or refuses an
 * unknown one with 400 {@code InvalidGrantException}.
 */
public final class SsoPortalEmulator extends CredentialEndpoint {
    public static final String START_URL = "https://example-org.awsapps.com/start";

    public static final String CLIENT_ID = "example-client-id";
    private static final String CLIENT_SECRET = "example-client-secret";

    private record Assignment(String accountId, String roleName, Instant tokenExpires) {}

    private final Map<String, Assignment> signedIn = new ConcurrentHashMap<>();
    /** The refresh token of each access token, and what each refresh token renews. */
    private final Map<String, String> refreshTokenOf = new ConcurrentHashMap<>();

    private final Map<String, Assignment> refreshable = new ConcurrentHashMap<>();

    private SsoPortalEmulator(CloudFrontEmulator account) throws IOException {
        super(account, "sso-portal-emulator");
    }

    public static SsoPortalEmulator start(CloudFrontEmulator account) throws IOException {
        return new SsoPortalEmulator(account);
    }

    /**
     * Signs a user in, as {@code aws sso login} does, to a portal that assigns them {@code roleName} in {@code
     * accountId}.
     *
     * @return the access token, valid until {@code expiresAt}
     */
    public String signIn(String accountId, String roleName, Instant expiresAt) {
        Assignment assignment = new Assignment(accountId, roleName, expiresAt);
        String token = newAccessToken();
        signedIn.put(token, assignment);
        String refreshToken = "aorAAAAA" + UUID.randomUUID().toString().replace("-", "");
        refreshTokenOf.put(token, refreshToken);
        refreshable.put(refreshToken, assignment);
        return token;
    }

    /** Ends the user's session on the server side, as an administrator or the session's end does: no more renewals. */
    public void endSessions() {
        refreshable.clear();
    }

    /**
     * Writes the token cache that {@code aws sso login} leaves for an {@code [sso-session <name>]}, with the access
     * token's refresh token and the client registration: {@code <home>/.aws/sso/cache/<sha1 of the session name>.json}.
     */
    public Path writeTokenCache(Path home, String sessionName, String accessToken) throws IOException {
        Path cache = home.resolve(".aws").resolve("sso").resolve("cache");
        Files.createDirectories(cache);
        Instant expiresAt = signedIn.get(accessToken).tokenExpires();
        String json = "{\"startUrl\": " + quote(START_URL) + ", \"region\": \"us-east-1\", \"accessToken\": "
                + quote(accessToken) + ", \"expiresAt\": " + quote(DateTimeFormatter.ISO_INSTANT.format(expiresAt))
                + ", \"clientId\": " + quote(CLIENT_ID) + ", \"clientSecret\": " + quote(CLIENT_SECRET)
                + ", \"registrationExpiresAt\": "
                + quote(DateTimeFormatter.ISO_INSTANT.format(Instant.now().plus(Duration.ofDays(90))))
                + ", \"refreshToken\": " + quote(refreshTokenOf.get(accessToken)) + "}";
        return Files.writeString(cache.resolve(sha1(sessionName) + ".json"), json);
    }

    private static String newAccessToken() {
        return "aoa" + UUID.randomUUID().toString().replace("-", "") + ":MGUCMQ"
                + UUID.randomUUID().toString().replace("-", "");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Answer answer(String method, String path, Map<String, String> query, Headers headers, String body) {
        if (method.equals("POST") && path.equals("/token")) {
            return createToken(body);
        }
        if (!method.equals("GET") || !path.equals("/federation/credentials")) {
            return error(404, "ResourceNotFoundException", "No such operation.");
        }
        String roleName = query.get("role_name");
        String accountId = query.get("account_id");
        if (roleName == null || accountId == null) {
            return error(400, "InvalidRequestException", "role_name and account_id are required.");
        }
        String token = headers.getFirst("x-amz-sso_bearer_token");
        Assignment assignment = token == null ? null : signedIn.get(token);
        if (assignment == null || !Instant.now().isBefore(assignment.tokenExpires())) {
            return error(401, "UnauthorizedException", "Session token not found or invalid");
        }
        if (!assignment.accountId().equals(accountId) || !assignment.roleName().equals(roleName)) {
            return error(403, "ForbiddenException", "No access");
        }
        Issued issued = issue("ASIA", Duration.ofHours(1));
        return Answer.of(
                200,
                "application/json",
                "{\"roleCredentials\":{\"accessKeyId\":" + quote(issued.accessKeyId()) + ",\"secretAccessKey\":"
                        + quote(issued.secretAccessKey()) + ",\"sessionToken\":" + quote(issued.sessionToken())
                        + ",\"expiration\":" + issued.expiration().toEpochMilli() + "}}");
    }

    /** SSO OIDC's CreateToken for the refresh_token grant; the other grants belong to aws sso login itself. */
    private Answer createToken(String body) {
        JsonNode input = json(body);
        String grantType = text(input, "grantType");
        if (!"refresh_token".equals(grantType)) {
            return oidcError(400, "UnsupportedGrantTypeException", "unsupported_grant_type");
        }
        if (!CLIENT_ID.equals(text(input, "clientId")) || !CLIENT_SECRET.equals(text(input, "clientSecret"))) {
            return oidcError(401, "InvalidClientException", "invalid_client");
        }
        Assignment assignment = refreshable.remove(
                Optional.ofNullable(text(input, "refreshToken")).orElse(""));
        if (assignment == null) {
            return oidcError(400, "InvalidGrantException", "invalid_grant");
        }
        Instant expires = Instant.now().plus(Duration.ofHours(1));
        String token = signIn(assignment.accountId(), assignment.roleName(), expires);
        return Answer.of(
                200,
                "application/json",
                "{\"accessToken\":" + quote(token) + ",\"tokenType\":\"Bearer\",\"expiresIn\":3600,"
                        + "\"refreshToken\":" + quote(refreshTokenOf.get(token)) + "}");
    }

    private static Answer oidcError(int status, String type, String code) {
        return new Answer(
                status,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                "{\"error\":" + quote(code) + ",\"error_description\":\"The refresh token is not valid.\"}");
    }

    private static Answer error(int status, String type, String message) {
        return new Answer(
                status,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                "{\"message\":" + quote(message) + "}");
    }
}
