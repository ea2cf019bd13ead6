package dev.beian.gateway;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Sends requests as raw bytes over a plain socket, for what no HTTP client will send: malformed request lines,
 * chunk sizes and length headers, raw UTF-8 in a query.
 */
final class RawHttp {

    /** What came back, and whether the server closed the connection before the wait ran out. */
    record Answer(String text, boolean closed) {

        boolean startsWith(String statusLine) {
            return text.startsWith(statusLine);
        }

        /** Occurrences of a header (by name, any case) in the answer's head. */
        long headerCount(String name) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            return head.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1)).count();
        }
    }

    private RawHttp() {
    }

    static Answer send(URL server, String request) throws Exception {
        return send(server, request.getBytes(StandardCharsets.UTF_8), 5000);
    }

    static Answer send(URL server, byte[] request, int waitMillis) throws Exception {
        return send(server, null, request, waitMillis);
    }

    /**
     * Writes the bytes from {@code local} (a loopback address such as 127.0.0.5, or null for any) and reads until
     * the server closes or {@code waitMillis} pass without data.
     */
    static Answer send(URL server, InetAddress local, byte[] request, int waitMillis) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName(server.getHost()), server.getPort(), local, 0)) {
            socket.setSoTimeout(waitMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // the server may answer and close before all was written: read what it said
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            try {
                for (int n; ; ) {
                    n = in.read(buffer);
                    if (n < 0) {
                        closed = true;
                        break;
                    }
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // still open
            } catch (SocketException e) {
                closed = true; // reset
            }
            return new Answer(answer.toString(StandardCharsets.UTF_8), closed);
        }
    }
}
