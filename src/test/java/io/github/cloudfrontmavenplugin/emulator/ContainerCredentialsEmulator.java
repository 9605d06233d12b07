package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A container credentials endpoint, in either of its two forms. As EKS Pod Identity serves it ({@link #start}): {@code
 * GET} on a full URI with an {@code Authorization} header equal to the token the agent wrote to the pod's token file; a
 * missing or wrong token is refused with 401. As the ECS agent serves a task (and CodeBuild a build) ({@link
 * #startForTask}): {@code GET} on a relative URI with a random path, which is the secret, on the agent's address;
 * another path is 404. Both answer with the role's credentials.
 */
public final class ContainerCredentialsEmulator extends CredentialEndpoint {
    private final String path;
    private final boolean tokenRequired;
    private final String authorizationToken = "eks-pod-identity-" + UUID.randomUUID();

    private ContainerCredentialsEmulator(CloudFrontEmulator account, String path, boolean tokenRequired)
            throws IOException {
        super(account, "container-credentials-emulator");
        this.path = path;
        this.tokenRequired = tokenRequired;
    }

    /** As EKS Pod Identity: a full URI and an authorization token. */
    public static ContainerCredentialsEmulator start(CloudFrontEmulator account) throws IOException {
        return new ContainerCredentialsEmulator(account, "/v1/credentials", true);
    }

    /** As the ECS agent for a task, or CodeBuild for a build: a relative URI whose random path is the secret. */
    public static ContainerCredentialsEmulator startForTask(CloudFrontEmulator account) throws IOException {
        return new ContainerCredentialsEmulator(account, "/v2/credentials/" + UUID.randomUUID(), false);
    }

    /** The URI that {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} names. */
    public String fullUri() {
        return endpoint() + path;
    }

    /** The path that {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} names, on the agent's address. */
    public String relativeUri() {
        return path;
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
        if (!path.equals(this.path)) {
            return error(404, "NotFound", "No such path.");
        }
        if (!method.equals("GET")) {
            return error(405, "MethodNotAllowed", "Only GET is supported.");
        }
        if (tokenRequired && !authorizationToken.equals(headers.getFirst("Authorization"))) {
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
