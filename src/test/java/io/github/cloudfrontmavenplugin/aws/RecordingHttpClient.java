package io.github.cloudfrontmavenplugin.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client for tests of the SDK's clients and the plugin's own: it records each request with its body, as it
 * reached the HTTP client, and answers what the test gives it, in memory.
 */
public final class RecordingHttpClient implements SdkHttpClient {
    /** One request as it reached the HTTP client. */
    public record Sent(SdkHttpRequest request, byte[] body) {}

    /** An answer to give, or an I/O error to throw. */
    public record Canned(int status, Map<String, String> headers, byte[] body, boolean ioFailure) {
        public static final Canned IO_FAILURE = new Canned(0, Map.of(), null, true);

        /** @param body null for an answer without one, as to a HEAD */
        public static Canned of(int status, Map<String, String> headers, String body) {
            return new Canned(status, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    public final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final BiFunction<Integer, SdkHttpRequest, Canned> answers;
    private final String name;

    /** @param answers the answer to the request with this number (from 1), given the request */
    public RecordingHttpClient(String name, BiFunction<Integer, SdkHttpRequest, Canned> answers) {
        this.name = name;
        this.answers = answers;
    }

    /** Answers the requests in turn; the last answer, every request after it. */
    public static RecordingHttpClient inTurn(String name, List<Canned> answers) {
        return new RecordingHttpClient(name, (number, request) -> answers.get(Math.min(number, answers.size()) - 1));
    }

    /** The requests sent, without their bodies. */
    public List<SdkHttpRequest> requests() {
        synchronized (sent) {
            return sent.stream().map(Sent::request).toList();
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                byte[] body = request.contentStreamProvider()
                        .map(RecordingHttpClient::readAll)
                        .orElse(new byte[0]);
                int number;
                synchronized (sent) {
                    sent.add(new Sent(request.httpRequest(), body));
                    number = sent.size();
                }
                Canned answer = answers.apply(number, request.httpRequest());
                if (answer.ioFailure()) {
                    throw new IOException("Connection reset");
                }
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(answer.status());
                answer.headers().forEach(response::putHeader);
                HttpExecuteResponse.Builder executed = HttpExecuteResponse.builder();
                if (answer.body() != null) {
                    response.putHeader("Content-Length", Integer.toString(answer.body().length));
                    executed.responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())));
                }
                return executed.response(response.build()).build();
            }

            @Override
            public void abort() {}
        };
    }

    private static byte[] readAll(ContentStreamProvider body) {
        try (InputStream in = body.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return name;
    }

    @Override
    public void close() {}
}
