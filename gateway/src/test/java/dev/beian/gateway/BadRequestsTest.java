package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no HTTP client library would send, written as raw bytes: each gets a problem answer with a request id
 * (or, for raw UTF-8 in a query, is served as nginx would serve it), never a bare status.
 */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class BadRequestsTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void rawUtf8InAnApiQueryIsForwardedPercentEncoded() throws Exception {
        // What curl "http://.../api/v1/filings?q=文" sends: the character's UTF-8 bytes, not encoded.
        RawHttp.Answer answer = send("GET /api/v1/filings?q=文&limit=5 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer.text());
        assertTrue(answer.text().contains("\"uri\":\"/api/v1/filings?q=%E6%96%87&limit=5\""), answer.text());
        assertEquals(1, answer.headerCount("X-Request-Id"), answer.text());
    }

    @Test
    void rawBytesThatAreNotUtf8OrOutsideAnApiQueryAre400Problems() throws Exception {
        byte[] latin1 = "GET /api/v1/filings?q=\u00ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(RawHttp.send(gateway, latin1, 5000), 400, "malformed-request-target");
        assertProblem(send("GET /api/v1/文 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "malformed-request-target");
    }

    @Test
    void malformedPercentEncodingIs400Problem() throws Exception {
        assertProblem(send("GET /api/v1/filings?cursor=%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "malformed-request-target");
        assertProblem(send("GET /api/v1/filings?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "malformed-request-target");
    }

    @Test
    void longRequestTargetIs414ProblemAndOneOver4KbIsServed() throws Exception {
        assertProblem(send("GET /api/v1/filings?q=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                414, "uri-too-long");
        RawHttp.Answer served = send("GET /api/v1/filings?q=" + "a".repeat(3_500)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(served.startsWith("HTTP/1.1 200"), served.text());
    }

    @Test
    void asteriskTargetIsANotFoundProblemWithARequestId() throws Exception {
        RawHttp.Answer answer = send("GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 404, "not-found");
        assertTrue(answer.text().contains("\"title\":\"Not found\""), answer.text());
    }

    @Test
    void gatewaysOwnNotFoundHasOneRequestIdAndTheSentenceCaseTitle() {
        Response response = given().header("X-Request-Id", "nf-1").get("/no/such/page").andReturn();
        response.then().statusCode(404).contentType("application/problem+json");
        assertEquals(1, response.headers().getValues("X-Request-Id").size(), response.headers().toString());
        assertEquals("Not found", response.jsonPath().getString("title"));
        assertEquals("nf-1", response.jsonPath().getString("requestId"));
    }

    @Test
    void malformedChunkSizeIs400ProblemAndTheConnectionCloses() throws Exception {
        for (int i = 0; i < 20; i++) { // the answer races the close: repeat
            RawHttp.Answer answer = send("POST /api/v1/filings HTTP/1.1\r\nHost: x\r\nX-API-Key: " + StandInBackends.EDITOR_KEY
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nzz\r\nabc\r\n0\r\n\r\n");
            assertProblem(answer, 400, "malformed-body");
            assertTrue(answer.closed(), "the connection is closed after the answer");
        }
    }

    private RawHttp.Answer send(String request) throws Exception {
        return RawHttp.send(gateway, request);
    }

    static void assertProblem(RawHttp.Answer answer, int status, String slug) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer.text());
        assertTrue(answer.text().toLowerCase().contains("content-type: application/problem+json"), answer.text());
        assertTrue(answer.text().contains("\"type\":\"https://beian.dev/problems/" + slug + "\""), answer.text());
        assertEquals(1, answer.headerCount("X-Request-Id"), answer.text());
        assertTrue(answer.text().contains("\"requestId\":\""), answer.text());
    }
}
