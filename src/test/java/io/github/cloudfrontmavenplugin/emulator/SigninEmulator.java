package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * AWS Sign-In's {@code CreateOAuth2Token} as the SDK's console sign-in provider calls it to renew the credentials of
 * {@code aws login}: {@code POST /v1/token}, REST-JSON {@code {clientId, grantType: "refresh_token", refreshToken}},
 * with a DPoP proof (RFC 9449: an ES256 JWT carrying the public key, the method and the URL) signed with the session's
 * key. The proof must verify with the key the session was created with; an unknown or used refresh token is refused
 * with 401 {@code AccessDeniedException} {@code TOKEN_EXPIRED}. Each refresh issues new credentials and a new refresh
 * token.
 */
public final class SigninEmulator extends CredentialEndpoint {
    public static final String ACCOUNT_ID = "123456789012";
    public static final String CLIENT_ID = "arn:aws:signin:::devtools/same-device";

    /**
     * What {@code aws login} keeps for one session: credentials, refresh token and the DPoP key (SEC1 PEM).
     *
     * @param name the profile's {@code login_session}, the ARN of the user who signed in
     */
    public record LoginSession(String name, Issued credentials, String refreshToken, String dpopKeyPem) {
        @Override
        public String toString() {
            return "LoginSession[" + name + ", " + credentials + "]";
        }
    }

    private record Session(String name, ECPublicKey key) {}

    private final Map<String, Session> refreshTokens = new ConcurrentHashMap<>();

    private SigninEmulator(CloudFrontEmulator account) throws IOException {
        super(account, "signin-emulator");
    }

    public static SigninEmulator start(CloudFrontEmulator account) throws IOException {
        return new SigninEmulator(account);
    }

    /**
     * Signs a user in, as {@code aws login} does in the browser, with credentials that expire after {@code lifetime}
     * (negative for a session whose credentials already expired and must be renewed).
     */
    public LoginSession signIn(String loginSession, Duration lifetime) {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String refreshToken = newRefreshToken();
        refreshTokens.put(refreshToken, new Session(loginSession, (ECPublicKey) keys.getPublic()));
        return new LoginSession(
                loginSession,
                issue("ASIA", lifetime),
                refreshToken,
                sec1Pem((ECPrivateKey) keys.getPrivate(), (ECPublicKey) keys.getPublic()));
    }

    /** Ends every session on the server side, as when the user signs out elsewhere: refreshes fail from then on. */
    public void signOutEverywhere() {
        refreshTokens.clear();
    }

    /**
     * Writes the cache file {@code aws login} leaves for a session: {@code <cacheDir>/<sha256 of the login_session>.json};
     * {@code cacheDir} is {@code ~/.aws/login/cache} unless {@code AWS_LOGIN_CACHE_DIRECTORY} says otherwise.
     */
    public static Path writeLoginCache(Path cacheDir, LoginSession session) throws IOException {
        Files.createDirectories(cacheDir);
        Issued credentials = session.credentials();
        String json = "{\"accessToken\": {\"accessKeyId\": " + quote(credentials.accessKeyId())
                + ", \"secretAccessKey\": " + quote(credentials.secretAccessKey()) + ", \"sessionToken\": "
                + quote(credentials.sessionToken()) + ", \"accountId\": " + quote(ACCOUNT_ID) + ", \"expiresAt\": "
                + quote(DateTimeFormatter.ISO_INSTANT.format(credentials.expiration())) + "},"
                + " \"tokenType\": \"aws_sigv4\", \"refreshToken\": " + quote(session.refreshToken())
                + ", \"identityToken\": \"eyJhbGciOiJub25lIn0.e30.\", \"clientId\": " + quote(CLIENT_ID)
                + ", \"dpopKey\": " + quote(session.dpopKeyPem()) + "}";
        return Files.writeString(cacheDir.resolve(sha256(session.name()) + ".json"), json);
    }

    @Override
    protected Answer answer(String method, String path, Map<String, String> query, Headers headers, String body) {
        if (!method.equals("POST") || !path.equals("/v1/token")) {
            return error(404, "ResourceNotFoundException", "INVALID_REQUEST", "No such operation.");
        }
        JsonNode input;
        try {
            input = json(body);
        } catch (RuntimeException e) {
            return error(400, "ValidationException", "INVALID_REQUEST", "The body is not JSON.");
        }
        String grantType = text(input, "grantType");
        String refreshToken = text(input, "refreshToken");
        if (!"refresh_token".equals(grantType) || refreshToken == null || text(input, "clientId") == null) {
            return error(400, "ValidationException", "INVALID_REQUEST", "clientId, grantType and refreshToken.");
        }
        Session session = refreshTokens.get(refreshToken);
        if (session == null) {
            return error(401, "AccessDeniedException", "TOKEN_EXPIRED", "The refresh token has expired.");
        }
        Optional<String> proofProblem = checkProof(headers.getFirst("DPoP"), session.key());
        if (proofProblem.isPresent()) {
            return error(400, "ValidationException", "INVALID_REQUEST", proofProblem.get());
        }
        refreshTokens.remove(refreshToken);
        String next = newRefreshToken();
        refreshTokens.put(next, session);
        Issued issued = issue("ASIA", Duration.ofMinutes(15));
        return Answer.of(
                200,
                "application/json",
                "{\"accessToken\":{\"accessKeyId\":" + quote(issued.accessKeyId()) + ",\"secretAccessKey\":"
                        + quote(issued.secretAccessKey()) + ",\"sessionToken\":" + quote(issued.sessionToken())
                        + "},\"tokenType\":\"aws_sigv4\",\"expiresIn\":900,\"refreshToken\":" + quote(next) + "}");
    }

    /** Checks an RFC 9449 proof: typ, alg, the key it carries, the method and URL it names, and its signature. */
    private Optional<String> checkProof(String proof, ECPublicKey sessionKey) {
        if (proof == null) {
            return Optional.of("The DPoP header is missing.");
        }
        String[] parts = proof.split("\\.");
        if (parts.length != 3) {
            return Optional.of("The DPoP proof is not a signed JWT.");
        }
        Base64.Decoder base64 = Base64.getUrlDecoder();
        JsonNode header = json(new String(base64.decode(parts[0]), StandardCharsets.UTF_8));
        JsonNode claims = json(new String(base64.decode(parts[1]), StandardCharsets.UTF_8));
        if (!"dpop+jwt".equals(text(header, "typ")) || !"ES256".equals(text(header, "alg"))) {
            return Optional.of("The DPoP proof must be typ dpop+jwt, alg ES256.");
        }
        JsonNode jwk = header.field("jwk").orElse(null);
        if (jwk == null
                || !"EC".equals(text(jwk, "kty"))
                || !"P-256".equals(text(jwk, "crv"))
                || !sessionKey.getW().getAffineX().equals(unsigned(base64.decode(text(jwk, "x"))))
                || !sessionKey.getW().getAffineY().equals(unsigned(base64.decode(text(jwk, "y"))))) {
            return Optional.of("The DPoP proof does not carry the session's key.");
        }
        if (!"POST".equals(text(claims, "htm")) || !(endpoint() + "/v1/token").equals(text(claims, "htu"))) {
            return Optional.of(
                    "The DPoP proof names another request: " + text(claims, "htm") + " " + text(claims, "htu"));
        }
        if (text(claims, "jti") == null || !claims.field("iat").isPresent()) {
            return Optional.of("The DPoP proof needs jti and iat.");
        }
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(sessionKey);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(base64.decode(parts[2]))) {
                return Optional.of("The DPoP proof's signature does not verify.");
            }
        } catch (GeneralSecurityException e) {
            return Optional.of("The DPoP proof's signature cannot be checked: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static BigInteger unsigned(byte[] bytes) {
        return new BigInteger(1, bytes);
    }

    private static String newRefreshToken() {
        return "rt-" + UUID.randomUUID() + UUID.randomUUID();
    }

    private static Answer error(int status, String type, String code, String message) {
        return new Answer(
                status,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                "{\"error\":" + quote(code) + ",\"message\":" + quote(message) + "}");
    }

    /** The key as RFC 5915 (SEC1) ECPrivateKey in PEM, with its curve and public key, as {@code aws login} stores it. */
    private static String sec1Pem(ECPrivateKey privateKey, ECPublicKey publicKey) {
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.writeBytes(new byte[] {0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20});
        der.writeBytes(fixed32(privateKey.getS()));
        // [0] the curve: OID 1.2.840.10045.3.1.7 (P-256)
        der.writeBytes(
                new byte[] {(byte) 0xa0, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07
                });
        // [1] the public key: BIT STRING, uncompressed point 04 || X || Y
        der.writeBytes(new byte[] {(byte) 0xa1, 0x44, 0x03, 0x42, 0x00, 0x04});
        der.writeBytes(fixed32(publicKey.getW().getAffineX()));
        der.writeBytes(fixed32(publicKey.getW().getAffineY()));
        return "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der.toByteArray())
                + "\n-----END EC PRIVATE KEY-----\n";
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
