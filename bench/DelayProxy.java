import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bench's network: a plain-HTTP reverse proxy on loopback that holds every request for a fixed delay before it
 * passes it on to the S3 server, and logs each exchange. A client points its S3 endpoint at the proxy; the bytes go
 * through unchanged (the Host header too, so SigV4 signatures still match at the server).
 *
 * <p>The delay stands for a CI runner's round trip to S3: each request waits once, before its head is forwarded. The
 * TCP handshake and the round trip of {@code Expect: 100-continue} are not delayed, so a real network costs a client
 * that opens many connections or waits for 100-continue somewhat more than this one does.
 *
 * <p>One tab-separated line per request, written before the end of its answer reaches the client (so a client that
 * has exited has all its lines in the log): the time it arrived, was forwarded, the answer's head and its end came
 * (epoch milliseconds), the connection, method, target, status, bytes the client sent (head and body) and bytes it
 * received.
 *
 * <p>Run with the JDK's source launcher: {@code java bench/DelayProxy.java --target 127.0.0.1:9000 --delay-ms 20
 * --port-file port.txt --log requests.tsv}
 */
public final class DelayProxy {
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static PrintWriter log;

    public static void main(String[] args) throws Exception {
        String target = null;
        long delay = 0;
        Path portFile = null;
        Path logFile = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--target" -> target = args[i + 1];
                case "--delay-ms" -> delay = Long.parseLong(args[i + 1]);
                case "--port-file" -> portFile = Path.of(args[i + 1]);
                case "--log" -> logFile = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (target == null || portFile == null || logFile == null) {
            throw new IllegalArgumentException("Usage: --target host:port [--delay-ms N] --port-file F --log F");
        }
        log = new PrintWriter(Files.newBufferedWriter(logFile));
        String host = target.substring(0, target.lastIndexOf(':'));
        int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        try (ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            Path written = Path.of(portFile + ".tmp");
            Files.writeString(written, Integer.toString(server.getLocalPort()));
            Files.move(written, portFile);
            while (true) {
                Socket client = server.accept();
                long wait = delay;
                Thread thread = new Thread(() -> serve(client, host, port, wait), "proxy-" + client.getPort());
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** A request seen on the way in, waiting for its answer. */
    private static final class Exchange {
        long arrived;
        long forwarded;
        String method;
        String target;
        long sent;
    }

    private static void serve(Socket client, String host, int port, long delay) {
        int id = CONNECTIONS.incrementAndGet();
        ArrayDeque<Exchange> pending = new ArrayDeque<>();
        try (client;
                Socket upstream = new Socket()) {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(host, port));
            Thread answers = new Thread(() -> answers(id, upstream, client, pending), "answers-" + id);
            answers.setDaemon(true);
            answers.start();
            InputStream in = new BufferedInputStream(client.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(upstream.getOutputStream(), 65536);
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    break;
                }
                Exchange exchange = new Exchange();
                exchange.arrived = System.currentTimeMillis();
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String[] line = text.substring(0, text.indexOf("\r\n")).split(" ");
                exchange.method = line[0];
                exchange.target = line.length > 1 ? line[1] : "";
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                exchange.forwarded = System.currentTimeMillis();
                synchronized (pending) {
                    pending.add(exchange);
                }
                out.write(head);
                out.flush();
                long body = copyBody(text, in, out);
                out.flush();
                synchronized (pending) {
                    exchange.sent = head.length + body;
                }
            }
            upstream.shutdownOutput();
            answers.join();
        } catch (IOException | InterruptedException e) {
            // The client or the server closed the connection: the exchanges still pending are logged as unanswered.
        }
        synchronized (pending) {
            for (Exchange e : pending) {
                write(e, id, 0, 0, -1, 0);
            }
        }
    }

    private static void answers(int id, Socket upstream, Socket client, ArrayDeque<Exchange> pending) {
        try {
            InputStream in = new BufferedInputStream(upstream.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 65536);
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    break;
                }
                long headAt = System.currentTimeMillis();
                String text = new String(head, StandardCharsets.ISO_8859_1);
                int status = Integer.parseInt(text.substring(9, 12));
                out.write(head);
                if (status < 200) { // 100 Continue: the request's body follows, then its real answer
                    out.flush();
                    continue;
                }
                Exchange exchange;
                synchronized (pending) {
                    exchange = pending.poll();
                }
                boolean noBody = exchange != null && exchange.method.equals("HEAD") || status == 204 || status == 304;
                long body = noBody ? 0 : copyBody(text, in, out);
                if (exchange != null) {
                    synchronized (pending) {
                        write(exchange, id, headAt, System.currentTimeMillis(), status, head.length + body);
                    }
                }
                out.flush();
            }
            client.shutdownOutput();
        } catch (IOException e) {
            // Closed on either side.
        }
    }

    private static synchronized void write(Exchange e, int id, long headAt, long endAt, int status, long received) {
        log.printf(Locale.ROOT, "%d\t%d\t%d\t%d\t%d\t%s\t%s\t%d\t%d\t%d%n", e.arrived, e.forwarded, headAt, endAt, id,
                e.method, e.target, status, e.sent, received);
        log.flush();
    }

    /** The head of a message up to its blank line, or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : b == '\r' ? 1 : 0;
        }
        return head.toByteArray();
    }

    /** Copies the body that the head announces; returns its length in bytes on the wire. */
    private static long copyBody(String head, InputStream in, OutputStream out) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            long total = 0;
            while (true) {
                byte[] line = readLine(in);
                out.write(line);
                total += line.length;
                String size = new String(line, StandardCharsets.ISO_8859_1).trim();
                int semicolon = size.indexOf(';');
                long length = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
                if (length == 0) {
                    while (true) { // trailers, up to the blank line
                        byte[] trailer = readLine(in);
                        out.write(trailer);
                        total += trailer.length;
                        if (trailer.length == 2) {
                            return total;
                        }
                    }
                }
                total += copy(in, out, length + 2);
            }
        }
        int at = lower.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int end = lower.indexOf("\r\n", at + 2);
        return copy(in, out, Long.parseLong(lower.substring(at + 17, end).trim()));
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(32);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The stream ended inside a chunked body");
            }
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toByteArray();
            }
            previous = b;
        }
    }

    private static long copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[65536];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("The stream ended inside a body");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        return length;
    }
}
