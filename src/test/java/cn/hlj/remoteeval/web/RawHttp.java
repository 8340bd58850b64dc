package cn.hlj.remoteeval.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: a fuzzer must be able to send what a
 * well-behaved client library refuses to (a malformed percent-escape, raw non-ASCII bytes in the
 * path, a header of 20 KB, a body larger than the server accepts), and still read the answer the
 * server wrote before it closed the connection.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A request as it goes on the wire; {@code target} is sent byte for byte (ISO-8859-1), never re-encoded. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {

        static Request of(String method, String target) {
            return new Request(method, target, new LinkedHashMap<>(), null);
        }

        Request header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Request(method, target, copy, body);
        }

        Request basic(String user) {
            return user == null ? this
                    : header("Authorization", "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }

        Request body(String contentType, byte[] content) {
            Request withBody = new Request(method, target, headers, content);
            return contentType == null ? withBody : withBody.header("Content-Type", contentType);
        }

        Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The answer; {@code status} is 0 when the server closed the connection without one. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            head.append("Connection: close\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (request.body() != null) {
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
            }
            head.append("\r\n");
            // Read while writing: a server refusing a large body answers before it has read it and then
            // closes, and an answer not read before that reset would be lost.
            InputStream in = socket.getInputStream();
            java.util.concurrent.CompletableFuture<Response> answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return read(in);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (request.body() != null) {
                    for (int at = 0; at < request.body().length && !answer.isDone(); at += 64 * 1024) {
                        out.write(request.body(), at, Math.min(64 * 1024, request.body().length - at));
                    }
                }
                out.flush();
            } catch (IOException e) {
                // The server answered and closed before the whole body was sent (a body over its limit).
            }
            try {
                return answer.get(TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("no answer from the application", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("no connection to the application on port " + port, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // A reset after the answer was written: keep what arrived.
        }
        byte[] raw = all.toByteArray();
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            return new Response(0, Map.of(), raw);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
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
