package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request size limits: 413 for bodies (announced or streamed, per route), 431 for headers, 400 for a body on a GET.
 * The test limits are 1M (3M for the import route) and 8K.
 */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class LimitsTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL gateway;

    @Test
    void bodyAnnouncedTooLargeIs413ProblemBeforeItIsReadWithTheRoutesOwnLimit() {
        // Ordinary routes take 1M in the tests, the import route 3M (1 MiB and 32 MiB by default).
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("application/json")
                .body(new byte[1_100_000]).post("/api/v1/filings").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/payload-too-large"))
                .body("title", equalTo("Payload too large"))
                .body("status", equalTo(413));
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("text/csv")
                .body(new byte[1_100_000]).post("/api/v1/filings/import").then().statusCode(200)
                .body("bodyLength", equalTo(1_100_000));
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("text/csv")
                .body(new byte[3_200_000]).post("/api/v1/filings/import").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/payload-too-large"));
    }

    @Test
    void streamedBodyGrowingTooLargeIs413Problem() {
        InputStream chunked = new ByteArrayInputStream(new byte[1_500_000]); // no length: sent chunked
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("application/json").body(chunked)
                .post("/api/v1/filings").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/payload-too-large"));
        // A streamed body within the route's limit still arrives whole.
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("text/csv")
                .body(new ByteArrayInputStream(new byte[2_000_000])).post("/api/v1/filings/import").then()
                .statusCode(200).body("bodyLength", equalTo(2_000_000));
    }

    @Test
    void a413ThatSaysConnectionCloseClosesTheConnection() throws Exception {
        // Announced too large: answered before the body, which is never sent; the server must not wait for it.
        RawHttp.Answer announced = RawHttp.send(gateway, "POST /api/v1/filings HTTP/1.1\r\nHost: x\r\nX-API-Key: "
                + StandInBackends.EDITOR_KEY + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
        assertTrue(announced.text().startsWith("HTTP/1.1 413"), announced.text());
        assertTrue(announced.text().toLowerCase().contains("connection: close"), announced.text());
        assertTrue(announced.closed(), "closed after the 413, not kept open reading the body");
        // Streamed past the limit and then left unfinished: the 413 comes, and so does the close.
        StringBuilder streamed = new StringBuilder("POST /api/v1/filings HTTP/1.1\r\nHost: x\r\nX-API-Key: "
                + StandInBackends.EDITOR_KEY + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "a".repeat(65_536);
        for (int i = 0; i < 20; i++) { // 1.3 MB, over the 1M limit, with no last chunk
            streamed.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        RawHttp.Answer cut = RawHttp.send(gateway, streamed.toString());
        assertTrue(cut.text().startsWith("HTTP/1.1 413"), cut.text());
        assertTrue(cut.closed(), "closed after the streamed 413");
    }

    @Test
    void getOrHeadWithABodyIs400Problem() throws Exception {
        given().contentType("application/json").body("{\"q\":1}").get("/api/v1/filings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/body-not-allowed"));
        String answer = raw("HEAD /api/v1/filings HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        // A GET with an empty body is no body at all.
        given().header("Content-Length", "0").get("/api/v1/filings").then().statusCode(200);
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

    private String raw(String request) throws Exception {
        return RawHttp.send(gateway, request).text();
    }
}
