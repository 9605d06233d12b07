package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A container credentials endpoint as EKS Pod Identity and ECS serve it on a full URI: {@code GET} on that URI with an
 * {@code Authorization} header equal to the token the agent wrote to the pod's token file, answered with the role's
 * credentials; a missing or wrong token is refused with 401.
 */
public final class ContainerCredentialsEmulator extends CredentialEndpoint {
    private static final String PATH = "/v1/credentials";

    private final String authorizationToken = "eks-pod-identity-" + UUID.randomUUID();

    private ContainerCredentialsEmulator(CloudFrontEmulator account) throws IOException {
        super(account, "container-credentials-emulator");
    }

    public static ContainerCredentialsEmulator start(CloudFrontEmulator account) throws IOException {
        return new ContainerCredentialsEmulator(account);
    }

    /** The URI that {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} names. */
    public String fullUri() {
        return endpoint() + PATH;
    }

    /** Writes the token file that {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} names, as the agent does. */
    public Path writeTokenFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, authorizationToken);
    }

    public String authorizationToken() {
        return authorizationToken;
    }

    @Override
    protected Answer answer(String method, String path, Map<String, String> query, Headers headers, String body) {
        if (!path.equals(PATH)) {
            return error(404, "NotFound", "No such path.");
        }
        if (!method.equals("GET")) {
            return error(405, "MethodNotAllowed", "Only GET is supported.");
        }
        if (!authorizationToken.equals(headers.getFirst("Authorization"))) {
            return error(401, "AccessDenied", "The authorization token is missing or not valid.");
        }
        Issued issued = issue("ASIA", Duration.ofHours(6));
        return Answer.of(200, "application/json", metadataJson(issued, "\"AccountId\":\"123456789012\","));
    }

    private static Answer error(int status, String code, String message) {
        return Answer.of(
                status, "application/json", "{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}");
    }
}
