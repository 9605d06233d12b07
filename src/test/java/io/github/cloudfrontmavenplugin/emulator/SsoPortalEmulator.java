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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IAM Identity Center portal's {@code GetRoleCredentials} in its REST-JSON shape: {@code GET
 * /federation/credentials?role_name=&account_id=} with the access token of {@code aws sso login} in the {@code
 * x-amz-sso_bearer_token} header, answered with {@code roleCredentials}; an unknown or expired token is refused with 401
 * {@code UnauthorizedException}, a role the user is not assigned with 403 {@code ForbiddenException}.
 */
public final class SsoPortalEmulator extends CredentialEndpoint {
    public static final String START_URL = "https://example-org.awsapps.com/start";

    private record Assignment(String accountId, String roleName, Instant tokenExpires) {}

    private final Map<String, Assignment> signedIn = new ConcurrentHashMap<>();

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
        String token = "aoa" + UUID.randomUUID().toString().replace("-", "") + ":MGUCMQ"
                + UUID.randomUUID().toString().replace("-", "");
        signedIn.put(token, new Assignment(accountId, roleName, expiresAt));
        return token;
    }

    /**
     * Writes the token cache that {@code aws sso login} leaves for an {@code [sso-session <name>]}: {@code
     * <home>/.aws/sso/cache/<sha1 of the session name>.json}.
     */
    public static Path writeTokenCache(Path home, String sessionName, String accessToken, Instant expiresAt)
            throws IOException {
        Path cache = home.resolve(".aws").resolve("sso").resolve("cache");
        Files.createDirectories(cache);
        String json = "{\"startUrl\": " + quote(START_URL) + ", \"region\": \"us-east-1\", \"accessToken\": "
                + quote(accessToken) + ", \"expiresAt\": " + quote(DateTimeFormatter.ISO_INSTANT.format(expiresAt))
                + ", \"clientId\": \"example-client-id\", \"clientSecret\": \"example-client-secret\","
                + " \"registrationExpiresAt\": "
                + quote(DateTimeFormatter.ISO_INSTANT.format(expiresAt.plus(Duration.ofDays(90)))) + "}";
        return Files.writeString(cache.resolve(sha1(sessionName) + ".json"), json);
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

    private static Answer error(int status, String type, String message) {
        return new Answer(
                status,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                "{\"message\":" + quote(message) + "}");
    }
}
