package io.github.cloudfrontmavenplugin.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.utils.IoUtils;

/**
 * An HTTP client that answers in memory, for the warm-ups: it reads each request's body as a real client would and
 * answers what {@code answers} gives for the request. Nothing leaves the JVM.
 */
public class CannedHttpClient implements SdkHttpClient {
    /** An answer: its status, headers (Content-Length is added) and body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {}

    private final Function<SdkHttpRequest, Answer> answers;

    public CannedHttpClient(Function<SdkHttpRequest, Answer> answers) {
        this.answers = answers;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                request.contentStreamProvider().ifPresent(body -> {
                    try (InputStream in = body.newStream()) {
                        IoUtils.drainInputStream(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Answer answer = answers.apply(request.httpRequest());
                SdkHttpResponse.Builder response = SdkHttpResponse.builder()
                        .statusCode(answer.status())
                        .putHeader("Content-Length", Integer.toString(answer.body().length));
                answer.headers().forEach(response::putHeader);
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "WarmUp";
    }

    @Override
    public void close() {}
}
