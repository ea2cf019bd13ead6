package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ExportAndConcurrencyTest {

    static long createFiling(String name, String organization) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("kind", "FILING", "name", name, "organizationName", organization,
                        "filingNumber", "Tianjin-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "-20240101",
                        "filingDate", "2024-02-01", "categories", List.of("TEXT", "CODE")))
                .post("/api/v1/filings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void csvExportRoundTripsThroughImport() {
        String org = "导出测试公司" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            createFiling("导出" + i, org);
        }
        long orgId = given().get("/api/v1/organizations?q=" + org).then().extract().jsonPath().getLong("items[0].id");
        Response csv = given().accept("text/csv").get("/api/v1/filings?sort=name&organization=" + orgId);
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("sequenceNo,jurisdiction,name,organization,filingNumber,filingDate,kind"))
                .body(containsString("导出0,"+ org)).body(containsString("TEXT;CODE"));
        String exported = csv.asString();
        assertEquals(4, exported.strip().split("\n").length);
        given().contentType("text/csv").body(exported.getBytes(StandardCharsets.UTF_8)).post("/api/v1/filings/import")
                .then().statusCode(200).body("unchanged", equalTo(3)).body("created", equalTo(0)).body("rejected", equalTo(0));
    }

    @Test
    void csvExportNeutralizesFormulaCellsAndTheImportRestoresThem() throws java.io.IOException {
        String org = "公式测试公司" + UUID.randomUUID().toString().substring(0, 6);
        String name = "=HYPERLINK(\"http://evil.example\",\"点击\")";
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "FILING", "name", name, "organizationName", org, "nameEn", "+cmd|' /C calc'!A0",
                        "publicationBatch", "@SUM(1+1)", "source", Map.of("list", "-2+3"),
                        "filingNumber", "Tianjin-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "-20240101",
                        "filingDate", "2024-02-01", "categories", List.of("TEXT")))
                .post("/api/v1/filings").then().statusCode(201).extract().jsonPath().getLong("id");
        long orgId = given().get("/api/v1/organizations?q=" + org).then().extract().jsonPath().getLong("items[0].id");
        String exported = given().accept("text/csv").get("/api/v1/filings?organization=" + orgId)
                .then().statusCode(200).extract().asString();
        List<String> cells = CSVParser.parse(exported, CSVFormat.DEFAULT)
                .getRecords().get(1).toList();
        for (String formula : List.of(name, "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3")) {
            assertEquals(1, cells.stream().filter(("'" + formula)::equals).count(),
                    formula + " is written as text (a leading quote): " + cells);
        }
        given().contentType("text/csv").body(exported.getBytes(StandardCharsets.UTF_8)).post("/api/v1/filings/import")
                .then().statusCode(200).body("unchanged", equalTo(1)).body("updated", equalTo(0));
        given().get("/api/v1/filings/" + id).then().statusCode(200).body("name", equalTo(name))
                .body("nameEn", equalTo("+cmd|' /C calc'!A0")).body("publicationBatch", equalTo("@SUM(1+1)"))
                .body("source.list", equalTo("-2+3"));
    }

    @Test
    void ndjsonExportHoldsOneFilingPerLineAndHonoursFilters() {
        String org = "行导出公司" + UUID.randomUUID().toString().substring(0, 6);
        createFiling("行导出A", org);
        createFiling("行导出B", org);
        long orgId = given().get("/api/v1/organizations?q=" + org).then().extract().jsonPath().getLong("items[0].id");
        String body = given().accept("application/x-ndjson").get("/api/v1/filings?sort=name&organization=" + orgId)
                .then().statusCode(200).contentType(startsWith("application/x-ndjson")).extract().asString();
        String[] lines = body.strip().split("\n");
        assertEquals(2, lines.length);
        assertEquals("行导出A", io.restassured.path.json.JsonPath.from(lines[0]).getString("name"));
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/filings/import")
                .then().statusCode(200).body("unchanged", equalTo(2));
        given().accept("text/csv").get("/api/v1/filings?limit=5").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void concurrentPatchesOfDifferentFieldsAreAllKept() throws Exception {
        long id = createFiling("并发更新", "并发更新公司" + UUID.randomUUID().toString().substring(0, 6));
        List<Map<String, Object>> patches = List.of(
                Map.of("nameEn", "Concurrent"), Map.of("publicationBatch", "2024-02 Attachment 3"),
                Map.of("weightsAccess", "OPEN"), Map.of("sectors", List.of("FINANCE")),
                Map.of("filingDate", "2024-02-02"), Map.of("status", "SUSPENDED"),
                Map.of("source", Map.of("list", "concurrency test")), Map.of("categories", List.of("VIDEO")));
        ExecutorService pool = Executors.newFixedThreadPool(patches.size());
        List<Future<Integer>> results = new ArrayList<>();
        for (Map<String, Object> patch : patches) {
            results.add(pool.submit(() -> given().contentType("application/merge-patch+json").body(patch)
                    .patch("/api/v1/filings/" + id).statusCode()));
        }
        for (Future<Integer> result : results) {
            assertEquals(200, result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        given().get("/api/v1/filings/" + id).then()
                .body("nameEn", equalTo("Concurrent"))
                .body("publicationBatch", equalTo("2024-02 Attachment 3"))
                .body("weightsAccess", equalTo("OPEN"))
                .body("sectors", equalTo(List.of("FINANCE")))
                .body("filingDate", equalTo("2024-02-02"))
                .body("status", equalTo("SUSPENDED"))
                .body("source.list", equalTo("concurrency test"))
                .body("categories", equalTo(List.of("VIDEO")))
                .body("version", equalTo(patches.size()));
    }

    @Test
    void readModifyWriteWithIfMatchNeverLosesAnUpdate() throws Exception {
        long id = createFiling("读改写", "读改写公司" + UUID.randomUUID().toString().substring(0, 6));
        given().contentType("application/merge-patch+json").body(Map.of("sectors", List.of()))
                .patch("/api/v1/filings/" + id).then().statusCode(200);
        List<String> sectors = List.of("FINANCE", "LEGAL", "HEALTHCARE", "EDUCATION", "MEDIA", "GOVERNMENT");
        ExecutorService pool = Executors.newFixedThreadPool(sectors.size());
        List<Future<Integer>> conflicts = new ArrayList<>();
        for (String sector : sectors) {
            conflicts.add(pool.submit(() -> {
                int stale = 0;
                while (true) {
                    Response current = given().get("/api/v1/filings/" + id);
                    List<String> now = new ArrayList<>(current.jsonPath().getList("sectors", String.class));
                    now.add(sector);
                    int status = given().contentType("application/merge-patch+json").header("If-Match", current.header("ETag"))
                            .body(Map.of("sectors", now)).patch("/api/v1/filings/" + id).statusCode();
                    if (status == 200) {
                        return stale;
                    }
                    assertEquals(412, status);
                    stale++;
                }
            }));
        }
        for (Future<Integer> c : conflicts) {
            c.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Set<String> stored = new HashSet<>(given().get("/api/v1/filings/" + id).jsonPath().getList("sectors", String.class));
        assertEquals(new HashSet<>(sectors), stored);
    }
}
