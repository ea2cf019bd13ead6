package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request size limits: 413 for bodies (announced or streamed), 431 for headers. The test limits are 1M and 8K. */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class LimitsTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL gateway;

    @Test
    void bodyAnnouncedTooLargeIs413ProblemBeforeItIsRead() {
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("text/csv")
                .body(new byte[1_100_000]).post("/api/v1/filings/import").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/payload-too-large"))
                .body("status", equalTo(413));
    }

    @Test
    void streamedBodyGrowingTooLargeIs413Problem() {
        InputStream chunked = new ByteArrayInputStream(new byte[1_500_000]); // no length: sent chunked
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("text/csv").body(chunked)
                .post("/api/v1/filings/import").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/payload-too-large"));
        // A streamed body within the limit still arrives whole.
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("text/csv")
                .body(new ByteArrayInputStream(new byte[500_000])).post("/api/v1/filings/import").then()
                .statusCode(200).body("bodyLength", equalTo(500_000));
    }

    @Test
    void headersTooLargeAre431Problem() {
        given().header("X-Padding", "p".repeat(9_000)).get("/api/v1/filings").then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/header-fields-too-large"));
        given().header("X-Padding", "p".repeat(7_000)).get("/api/v1/filings").then().statusCode(200);
    }

    @Test
    void bodyWithAnotherTransferCodingIsA400Problem() throws Exception {
        String answer = raw("POST /api/v1/filings HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("ambiguous-body-length"), answer);
    }

    @Test
    void grosslyOversizedHeadersAreRefusedByTheServerWith431() throws Exception {
        String answer = raw("GET /api/v1/filings HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(70_000) + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    }

    /** Sends a raw request and reads the answer until the server closes (or 5 s pass). */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what arrived is enough
            }
            return answer.toString();
        }
    }
}
