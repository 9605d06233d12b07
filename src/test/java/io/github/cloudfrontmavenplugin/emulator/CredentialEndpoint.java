package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * An HTTP server on loopback that hands out temporary credentials, as AWS's credential sources do (instance metadata,
 * container endpoint, IAM Identity Center portal, sign-in service). What it issues is registered with the account, the
 * {@link CloudFrontEmulator}, so that CloudFront accepts a request only when it was signed with those credentials.
 */
public abstract class CredentialEndpoint implements AutoCloseable {
    /** Credentials as a source issued them; its text form never shows the secret or the token. */
    public record Issued(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        @Override
        public String toString() {
            return "Issued[" + accessKeyId + ", expires " + expiration + "]";
        }
    }

    /** One request as received and the status it was answered with. */
    public record Request(String method, String path, Map<String, String> query, int status) {}

    /** An answer: status, headers and body. */
    protected record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(int status, String contentType, String body) {
            return new Answer(status, Map.of("Content-Type", contentType), body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CloudFrontEmulator account;
    private final List<Issued> issued = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    protected CredentialEndpoint(CloudFrontEmulator account, String name) throws IOException {
        this.account = account;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers one request; {@code headers} as received, names matched without regard to case. */
    protected abstract Answer answer(
            String method, String path, Map<String, String> query, Headers headers, String body) throws IOException;

    /** The server's base URL, such as {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** The credentials handed out so far, in order. */
    public List<Issued> issued() {
        return List.copyOf(issued);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Issues temporary credentials valid for {@code lifetime} and registers them with the account. */
    protected Issued issue(String keyPrefix, Duration lifetime) {
        String random = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        Issued credentials = new Issued(
                keyPrefix + random.substring(0, 20 - keyPrefix.length()),
                UUID.randomUUID() + "/" + random.substring(0, 8),
                "IQoJb3JpZ2luX2VjE" + UUID.randomUUID().toString().replace("-", ""),
                // The client checks expiry against its real clock; whole seconds, as AWS sends them.
                Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS));
        account.addCredentials(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
        issued.add(credentials);
        return credentials;
    }

    /**
     * Credentials in the JSON shape the instance metadata service and the container endpoint share (the SDK reads
     * both with one loader).
     */
    protected static String metadataJson(Issued issued, String extraFields) {
        return "{" + extraFields + "\"AccessKeyId\":" + quote(issued.accessKeyId()) + ",\"SecretAccessKey\":"
                + quote(issued.secretAccessKey()) + ",\"Token\":" + quote(issued.sessionToken()) + ",\"Expiration\":"
                + quote(DateTimeFormatter.ISO_INSTANT.format(issued.expiration())) + "}";
    }

    /** Reads a JSON document with the SDK's own parser. */
    protected static JsonNode json(String text) {
        return JsonNodeParser.create().parse(text);
    }

    /** A string member of a JSON object, or null. */
    protected static String text(JsonNode node, String field) {
        return node.field(field).filter(JsonNode::isString).map(JsonNode::text).orElse(null);
    }

    /** Writes a JSON string literal. */
    protected static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query =
                    Map.copyOf(CloudFrontEmulator.query(exchange.getRequestURI().getRawQuery()));
            Answer answer = answer(method, path, query, exchange.getRequestHeaders(), body);
            requests.add(new Request(method, path, query, answer.status()));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
