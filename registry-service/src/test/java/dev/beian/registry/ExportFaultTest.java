package dev.beian.registry;

import dev.beian.common.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void exportFailingAfterItStartedBreaksOffInsteadOfEndingCleanly() throws Exception {
        long organization = organizationWithManyFilings();
        EmbeddedDatabase database = DatabaseFaultTest.database();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String type : new String[]{"text/csv", "application/x-ndjson"}) {
            PausableFilingSearch.beforeNextPage = database::stop;
            try {
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                                URI.create(filings + "?organization=" + organization)).header("Accept", type)
                        .timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode(), "the first page went out with a 200");
                try (InputStream body = response.body()) {
                    assertThrows(IOException.class, body::readAllBytes,
                            type + ": a cut-off export must not end like a complete one");
                }
            } finally {
                PausableFilingSearch.beforeNextPage = null;
                database.start();
            }
            DatabaseFaultTest.awaitStatus(() -> given().get("/api/v1/filings"), 200, Duration.ofSeconds(30));
        }
    }
}
