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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forward HTTP proxy on loopback that records every request it relays, and can demand Basic proxy authentication:
 * proof that a client really went through it. It relays plain-HTTP requests in absolute form, one per connection.
 */
public final class ForwardProxy implements AutoCloseable {
    /** A request the proxy relayed (or refused for want of credentials). */
    public record Relayed(String method, String uri, Optional<String> proxyAuthorization, int status) {}

    private final ServerSocket server;
    private final Optional<String> expectedAuthorization;
    private final List<Relayed> relayed = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private ForwardProxy(Optional<String> username, Optional<String> password) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        expectedAuthorization = username.map(u -> "Basic "
                + Base64.getEncoder().encodeToString((u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
        acceptor = new Thread(this::accept, "forward-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ForwardProxy start() throws IOException {
        return new ForwardProxy(Optional.empty(), Optional.empty());
    }

    public static ForwardProxy requiringCredentials(String username, String password) throws IOException {
        return new ForwardProxy(Optional.of(username), Optional.of(password));
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Relayed> relayed() {
        return List.copyOf(relayed);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> relay(client), "forward-proxy-relay");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            List<String> headers = new ArrayList<>();
            int contentLength = 0;
            Optional<String> authorization = Optional.empty();
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                String name = line.substring(0, line.indexOf(':')).strip();
                String value = line.substring(line.indexOf(':') + 1).strip();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Integer.parseInt(value);
                }
                if (name.equalsIgnoreCase("Proxy-Authorization")) {
                    authorization = Optional.of(value);
                } else if (!name.equalsIgnoreCase("Proxy-Connection") && !name.equalsIgnoreCase("Connection")) {
                    headers.add(line);
                }
            }
            byte[] body = in.readNBytes(contentLength);
            String[] parts = requestLine.split(" ");
            OutputStream out = client.getOutputStream();
            if (expectedAuthorization.isPresent() && !expectedAuthorization.equals(authorization)) {
                relayed.add(new Relayed(parts[0], parts[1], authorization, 407));
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                                + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            URI target = URI.create(parts[1]);
            try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
                OutputStream up = upstream.getOutputStream();
                StringBuilder request = new StringBuilder(parts[0] + " " + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " " + parts[2] + "\r\n");
                headers.forEach(h -> request.append(h).append("\r\n"));
                request.append("Connection: close\r\n\r\n");
                up.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                up.write(body);
                up.flush();
                byte[] response = upstream.getInputStream().readAllBytes();
                String statusLine = new String(response, 0, Math.min(response.length, 20), StandardCharsets.US_ASCII);
                int status = statusLine.length() >= 12 ? Integer.parseInt(statusLine.substring(9, 12)) : 0;
                relayed.add(new Relayed(parts[0], parts[1], authorization, status));
                out.write(response);
            }
        } catch (IOException | RuntimeException e) {
            // the client sees the connection close
        }
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
}
