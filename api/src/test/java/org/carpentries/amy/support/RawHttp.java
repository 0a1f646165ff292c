package org.carpentries.amy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests {@link Api}'s client refuses to send: raw bytes in headers, paths
 * exactly as written (encoded slashes, {@code %00}, {@code ..}). One connection per request.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** What came back: the status, the headers (names in lower case) and the body, de-chunked. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The problem's {@code code}, or null when the body is not a problem with one. */
        public String code() {
            try {
                var node = Api.JSON.readTree(body);
                return node != null && node.hasNonNull("code") ? node.get("code").asText() : null;
            } catch (IOException e) {
                return null;
            }
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + contentType() + " " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
        }
    }

    /** Sends {@code method path} with {@code headers} (bytes as given, each a full {@code Name: value} line). */
    public Response send(String method, String path, Map<String, byte[]> headers, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, byte[]> h : headers.entrySet()) {
                out.write((h.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
                out.write(h.getValue());
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (body != null) {
                out.write(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (split < 0) {
            throw new IOException("No complete response: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int eol = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (eol < 0) {
                break;
            }
            String size = new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(chunked, eol + 2, Math.min(n, chunked.length - eol - 2));
            at = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
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
