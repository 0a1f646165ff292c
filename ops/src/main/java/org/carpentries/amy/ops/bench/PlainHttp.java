package org.carpentries.amy.ops.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One blocking HTTP/1.1 keep-alive connection, for the benchmark's command clients. The JDK's {@code HttpClient}
 * hands every exchange between the caller, its selector thread and its executor: on a machine of two cores shared
 * with the app and its PostgreSQL, that cost the load generator about as much CPU per command as a tenth of the
 * app's (docs/benchmarks.md). Here the caller's thread writes the request and reads the answer itself. Enough of
 * HTTP/1.1 for the app's answers: {@code Content-Length}, chunked bodies, {@code Connection: close}; a connection
 * the server closed while idle is opened again and the request sent once more.
 */
final class PlainHttp implements Closeable {

    /** An answer: status, headers by lower-case name, body. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttp(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /**
     * Sends one request and reads its answer. A request without a body sends {@code Content-Length: 0} unless it is
     * a GET or HEAD.
     */
    Reply exchange(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            open();
        }
        try {
            write(method, target, headers, body);
            return read(method);
        } catch (IdleClosed e) {
            close();
            if (!reused) {
                throw new EOFException("The server closed a new connection without answering");
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        open();
        try {
            write(method, target, headers, body);
            return read(method);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The request target of {@code uri} as the request line carries it: its raw path and query. */
    static String target(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 8 * 1024);
    }

    private void write(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        int length = body == null ? 0 : body.length;
        if (length > 0 || !(method.equals("GET") || method.equals("HEAD"))) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (length > 0) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            throw new IdleClosed();
        }
    }

    private Reply read(String method) throws IOException {
        String status = line(true);
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP/1.x answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(false); !line.isEmpty(); line = line(false)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        Reply reply = new Reply(code, headers, body(method, code, headers));
        String connection = reply.header("connection");
        if (connection != null && connection.equalsIgnoreCase("close")) {
            close();
        }
        return reply;
    }

    private byte[] body(String method, int code, Map<String, List<String>> headers) throws IOException {
        if (method.equals("HEAD") || code / 100 == 1 || code == 204 || code == 304) {
            return new byte[0];
        }
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(encoding.size() - 1).toLowerCase(Locale.ROOT).endsWith("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(false);
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!line(false).isEmpty()) {
                        // trailers: none used
                    }
                    return body.toByteArray();
                }
                body.write(exactly(n));
                line(false);
            }
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            return exactly(Integer.parseInt(length.get(0)));
        }
        byte[] rest = in.readAllBytes();
        close();
        return rest;
    }

    private byte[] exactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("The answer ended after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    /** One header line without its CRLF; at the status line, an end of stream means the server had closed. */
    private String line(boolean first) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (first && line.isEmpty()) {
                    throw new IdleClosed();
                }
                throw e;
            }
            if (b < 0) {
                if (first && line.isEmpty()) {
                    throw new IdleClosed();
                }
                throw new EOFException("The answer ended inside a line");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    /** The server had closed the connection before the request reached it (a keep-alive connection left idle). */
    private static final class IdleClosed extends IOException {
        IdleClosed() {
            super("The server closed the connection");
        }
    }
}
