package io.github.cloudfrontmavenplugin.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpRequest;

/** A warm-up's canned answers, recording what the client would have sent: each request and its body ("" for none). */
public final class RecordingCannedClient extends CannedHttpClient {
    public final List<SdkHttpRequest> requests = new ArrayList<>();
    public final List<String> bodies = new ArrayList<>();

    public RecordingCannedClient(Function<SdkHttpRequest, Answer> answers) {
        super(answers);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        requests.add(request.httpRequest());
        bodies.add(request.contentStreamProvider()
                .map(body -> {
                    try (InputStream in = body.newStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .orElse(""));
        return super.prepareRequest(request);
    }
}
