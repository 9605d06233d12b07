package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The EC2 instance metadata service as IMDSv2 serves an instance profile's credentials: a session token from {@code PUT
 * /latest/api/token} (TTL header required), then, with that token, the role's name from {@code GET
 * /latest/meta-data/iam/security-credentials/} and its credentials from {@code .../<role>}. A GET without a valid token
 * is refused with 401, as on an instance that requires IMDSv2.
 */
public final class InstanceMetadataEmulator extends CredentialEndpoint {
    public static final String ROLE = "jenkins-agent-role";

    private static final String TOKEN_PATH = "/latest/api/token";
    private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

    private final Set<String> sessionTokens = ConcurrentHashMap.newKeySet();
    private volatile boolean roleAttached = true;

    private InstanceMetadataEmulator(CloudFrontEmulator account) throws IOException {
        super(account, "imds-emulator");
    }

    public static InstanceMetadataEmulator start(CloudFrontEmulator account) throws IOException {
        return new InstanceMetadataEmulator(account);
    }

    /** Answers as an instance without an instance profile: no role to list. */
    public InstanceMetadataEmulator withoutRole() {
        roleAttached = false;
        return this;
    }

    /** The session tokens handed out by {@code PUT /latest/api/token}. */
    public Set<String> sessionTokens() {
        return Set.copyOf(sessionTokens);
    }

    /** How many GETs came without a valid session token (IMDSv1 style) and were refused. */
    public long refusedWithoutToken() {
        return requests().stream()
                .filter(r -> r.method().equals("GET") && r.status() == 401)
                .count();
    }

    @Override
    protected Answer answer(String method, String path, Map<String, String> query, Headers headers, String body) {
        if (path.equals(TOKEN_PATH)) {
            return method.equals("PUT") ? sessionToken(headers) : text(405, "");
        }
        if (!method.equals("GET")) {
            return text(405, "");
        }
        String token = headers.getFirst("X-aws-ec2-metadata-token");
        if (token == null || !sessionTokens.contains(token)) {
            return text(401, "");
        }
        if (path.equals(CREDENTIALS_PATH)) {
            return roleAttached ? text(200, ROLE) : text(404, "");
        }
        if (path.equals(CREDENTIALS_PATH + ROLE) && roleAttached) {
            Issued issued = issue("ASIA", Duration.ofHours(6));
            return Answer.of(
                    200,
                    "text/plain",
                    metadataJson(
                            issued,
                            "\"Code\":\"Success\",\"LastUpdated\":"
                                    + quote(DateTimeFormatter.ISO_INSTANT.format(
                                            Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                                    + ",\"Type\":\"AWS-HMAC\","));
        }
        return text(404, "");
    }

    private Answer sessionToken(Headers headers) {
        String ttl = headers.getFirst("X-aws-ec2-metadata-token-ttl-seconds");
        int seconds;
        try {
            seconds = ttl == null ? 0 : Integer.parseInt(ttl.strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > 21600) {
            return text(400, "");
        }
        String token = "AQAEA" + UUID.randomUUID().toString().replace("-", "");
        sessionTokens.add(token);
        return new Answer(
                200,
                Map.of("Content-Type", "text/plain", "X-aws-ec2-metadata-token-ttl-seconds", Integer.toString(seconds)),
                token);
    }

    private static Answer text(int status, String body) {
        return Answer.of(status, "text/plain", body);
    }
}
