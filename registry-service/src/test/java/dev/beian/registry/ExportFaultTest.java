package dev.beian.registry;

import dev.beian.common.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An export whose query fails is never mistaken for a complete one: before the first byte it is a 503 problem,
 * after streaming started the transfer breaks off (no closing chunk) instead of ending cleanly.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ExportFaultTest {

    /** More than one export page (1,000 rows), so the export reads a second page after it started sending. */
    private static final int ROWS = 1_050;

    @TestHTTPResource("/api/v1/filings")
    URI filings;

    /** Imports ROWS filings of one new organization and returns the organization's id. */
    private static long organizationWithManyFilings() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String organization = "导出故障公司" + tag;
        StringBuilder csv = new StringBuilder("name,organization,filingNumber,filingDate,kind\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("导出故障").append(i).append(',').append(organization).append(",Beijing-Ef").append(tag).append(i)
                    .append("-20240101,2024-01-01,FILING\n");
        }
        given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import").then().statusCode(200).body("created", equalTo(ROWS));
        return given().queryParam("q", organization).get("/api/v1/organizations").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void exportWhoseFirstQueryFailsIsA503ProblemBeforeAnyByte() {
        long organization = organizationWithManyFilings();
        EmbeddedDatabase database = DatabaseFaultTest.database();
        database.stop();
        try {
            for (String type : new String[]{"text/csv", "application/x-ndjson"}) {
                DatabaseFaultTest.assertUnavailable(given().accept(type).queryParam("organization", organization)
                        .get("/api/v1/filings"));
            }
        } finally {
            database.start();
        }
        DatabaseFaultTest.awaitStatus(() -> given().accept("text/csv").queryParam("organization", organization)
                .get("/api/v1/filings"), 200, Duration.ofSeconds(30));
        String whole = given().accept("text/csv").queryParam("organization", organization).get("/api/v1/filings")
                .then().statusCode(200).extract().asString();
        assertEquals(ROWS + 1, whole.strip().split("\n").length, "header and every row, over two pages");
    }

    /** The whole answer to a GET as the server sent it, until it closes the connection. */
    private String rawGet(String pathAndQuery, String accept) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(filings.getHost(), filings.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (java.net.SocketException reset) {
                // A reset ends the transfer as well; what arrived before it is what the client has.
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void exportFailingAfterItStartedBreaksOffInsteadOfEndingCleanly() throws Exception {
        long organization = organizationWithManyFilings();
        // Twice each: the clean end this guards against came from a race (one export in three, before the fix).
        for (String type : new String[]{"text/csv", "application/x-ndjson", "text/csv", "application/x-ndjson"}) {
            // The second page's query fails as a lost connection does. (Stopping the embedded server here was
            // not deterministic under load: its supervisor could start it again before the second page.)
            PausableFilingSearch.beforeNextPage = () -> {
                throw new IllegalStateException("Reading filings failed",
                        new java.sql.SQLException("An I/O error occurred while sending to the backend", "08006"));
            };
            try {
                // Read at the byte level: what a user relies on is that the chunked body never gets its closing
                // zero-length chunk, which is how curl and every other client tell a complete transfer. (The JDK
                // client was lenient here: a close at a chunk boundary sometimes read as a complete body.)
                String answer = rawGet(filings.getPath() + "?organization=" + organization, type);
                assertTrue(answer.startsWith("HTTP/1.1 200"), "the first page went out with a 200: "
                        + answer.substring(0, Math.min(200, answer.length())));
                assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"), "chunked");
                assertFalse(answer.endsWith("\r\n0\r\n\r\n"),
                        type + ": a cut-off export must not end like a complete one");
            } finally {
                PausableFilingSearch.beforeNextPage = null;
            }
        }
    }
}
