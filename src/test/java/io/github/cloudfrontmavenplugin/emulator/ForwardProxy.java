package io.github.cloudfrontmavenplugin.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;

/**
 * A forward HTTP proxy on loopback, demanding Basic proxy credentials when told to, that records every request it
 * relays: proof that a client really went through it. It relays plain-HTTP requests in absolute form; and when given
 * a {@link TestCa} it inspects TLS as corporate proxies do: it accepts {@code CONNECT host:443}, answers the TLS
 * handshake with a certificate for that host issued by the CA, and forwards the decrypted requests, one per tunnel, to
 * the emulator that serves the host.
 */
public final class ForwardProxy implements AutoCloseable {
    /** A {@code CONNECT} the proxy answered, with the status it answered. */
    public record Tunnel(String target, Optional<String> proxyAuthorization, int status) {}

    /**
     * A request the proxy forwarded.
     *
     * @param host the {@code Host} the client addressed (for a tunnel, the host of its CONNECT)
     * @param tls whether it came through a TLS tunnel
     */
    public record Forwarded(
            String host, String method, String path, boolean tls, Optional<String> proxyAuthorization, int status) {}

    private final ServerSocket server;
    private final TestCa ca;
    private final Function<String, Optional<URI>> upstream;
    private final Optional<String> expectedAuthorization;
    private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    private volatile Duration serverClockOffset = Duration.ZERO;

    private ForwardProxy(int port, TestCa ca, Function<String, Optional<URI>> upstream, Optional<String> credentials)
            throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.ca = ca;
        this.upstream = upstream;
        this.expectedAuthorization =
                credentials.map(c -> "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8)));
        Thread acceptor = new Thread(this::accept, "tls-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A plain-HTTP proxy on any free port; it refuses CONNECT. */
    public static ForwardProxy start() throws IOException {
        return new ForwardProxy(0, null, host -> Optional.empty(), Optional.empty());
    }

    /** The same, answering 407 to any request without {@code Proxy-Authorization: Basic user:password}. */
    public static ForwardProxy requiringCredentials(String username, String password) throws IOException {
        return new ForwardProxy(0, null, host -> Optional.empty(), Optional.of(username + ":" + password));
    }

    /**
     * A proxy that inspects TLS.
     *
     * @param port 0 for any free port
     * @param upstream the emulator that serves a host name (AWS's real names), empty for a host it does not know
     * @param credentials {@code user:password} it demands, or empty
     */
    public static ForwardProxy inspectingTls(
            int port, TestCa ca, Function<String, Optional<URI>> upstream, Optional<String> credentials)
            throws IOException {
        return new ForwardProxy(port, ca, upstream, credentials);
    }

    /**
     * Stamps the answers' {@code Date} this far from the real clock, as AWS does whose clock differs from the build
     * machine's. (The emulators' JDK server always stamps the real time; this is where a test's service clock shows.)
     */
    public ForwardProxy serverClockOffBy(Duration offset) {
        serverClockOffset = offset;
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Tunnel> tunnels() {
        return List.copyOf(tunnels);
    }

    public List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    /** The requests forwarded to {@code host} through a TLS tunnel. */
    public List<Forwarded> forwardedOverTls(String host) {
        return forwarded.stream().filter(f -> f.tls() && f.host().equals(host)).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> serve(client), "tls-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A request line and its headers, as read. */
    private record Head(String method, String target, String version, List<String[]> headers) {
        Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst();
        }
    }

    private void serve(Socket client) {
        try (client) {
            Head head = readHead(client.getInputStream());
            if (head == null) {
                return;
            }
            OutputStream out = client.getOutputStream();
            Optional<String> authorization = head.header("Proxy-Authorization");
            boolean authorized = expectedAuthorization.isEmpty() || expectedAuthorization.equals(authorization);
            if (!head.method().equals("CONNECT")) {
                URI target = URI.create(head.target());
                if (!authorized) {
                    forwarded.add(new Forwarded(
                            target.getHost(), head.method(), target.getRawPath(), false, authorization, 407));
                    proxyAuthenticationRequired(out);
                    return;
                }
                String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                forward(
                        client.getInputStream(),
                        out,
                        head,
                        target.getHost(),
                        path,
                        URI.create("http://" + target.getHost() + ":" + (target.getPort() > 0 ? target.getPort() : 80)),
                        false,
                        authorization);
                return;
            }
            String target = head.target();
            String host = target.substring(0, target.lastIndexOf(':')).toLowerCase(Locale.ROOT);
            if (!authorized) {
                tunnels.add(new Tunnel(target, authorization, 407));
                proxyAuthenticationRequired(out);
                return;
            }
            Optional<URI> emulator = ca == null ? Optional.empty() : upstream.apply(host);
            if (emulator.isEmpty()) {
                tunnels.add(new Tunnel(target, authorization, 502));
                out.write(("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            tunnels.add(new Tunnel(target, authorization, 200));
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (SSLSocket tls = (SSLSocket)
                    ca.serverContext(host).getSocketFactory().createSocket(client, host, client.getPort(), true)) {
                tls.setUseClientMode(false);
                tls.startHandshake();
                Head inner = readHead(tls.getInputStream());
                if (inner != null) {
                    forward(
                            tls.getInputStream(),
                            tls.getOutputStream(),
                            inner,
                            host,
                            inner.target(),
                            emulator.get(),
                            true,
                            authorization);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client sees the connection close, as with a real proxy that fails
        }
    }

    /** Sends one request to {@code emulator} and the whole answer back, then closes: one request per connection. */
    private void forward(
            InputStream in,
            OutputStream out,
            Head head,
            String host,
            String path,
            URI emulator,
            boolean tls,
            Optional<String> authorization)
            throws IOException {
        if (head.header("Expect").map(e -> e.equalsIgnoreCase("100-continue")).orElse(false)) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = in.readNBytes(head.header("Content-Length")
                .map(String::strip)
                .map(Integer::parseInt)
                .orElse(0));
        StringBuilder request = new StringBuilder(head.method() + " " + path + " " + head.version() + "\r\n");
        for (String[] header : head.headers()) {
            String name = header[0].toLowerCase(Locale.ROOT);
            if (!List.of("proxy-authorization", "proxy-connection", "connection", "expect")
                    .contains(name)) {
                request.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
        }
        request.append("Connection: close\r\n\r\n");
        byte[] response;
        try (Socket up = new Socket(emulator.getHost(), emulator.getPort())) {
            OutputStream upOut = up.getOutputStream();
            upOut.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            upOut.write(body);
            upOut.flush();
            response = up.getInputStream().readAllBytes();
        }
        int headEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String responseHead = new String(response, 0, Math.max(headEnd, 0), StandardCharsets.ISO_8859_1);
        int status = responseHead.length() >= 12 ? Integer.parseInt(responseHead.substring(9, 12)) : 0;
        forwarded.add(new Forwarded(host, head.method(), path, tls, authorization, status));
        StringBuilder relayed = new StringBuilder();
        for (String line : responseHead.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("date:") && !serverClockOffset.isZero()) {
                relayed.append("Date: ")
                        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                ZonedDateTime.now(ZoneOffset.UTC).plus(serverClockOffset)))
                        .append("\r\n");
            } else if (!lower.startsWith("connection:")) {
                relayed.append(line).append("\r\n");
            }
        }
        relayed.append("Connection: close\r\n\r\n");
        out.write(relayed.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd >= 0) {
            out.write(response, headEnd + 4, response.length - headEnd - 4);
        }
        out.flush();
    }

    private static void proxyAuthenticationRequired(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Head readHead(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        List<String[]> headers = new ArrayList<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.add(new String[] {
                line.substring(0, colon).strip(), line.substring(colon + 1).strip()
            });
        }
        return new Head(parts[0], parts[1], parts[2], headers);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return c < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
