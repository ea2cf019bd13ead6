package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ImportResourceTest {

    static final String HEADER = "序号,属地,模型名称,备案单位,备案号,备案时间\n";

    static String resource(String name) throws IOException {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Response importCsv(String csv, String query) {
        return given().contentType("text/csv; charset=utf-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import" + query);
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** List numbers are unique per kind across the registry: each test numbers its rows from its own base. */
    static int base() {
        return 1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    @Test
    void realCacRowsImportCleanlyAndReimportChangesNothing() throws IOException {
        String csv = resource("/cac/cac_filing_rows_seen.csv");
        importCsv(csv, "?batch=seen-rows").then().statusCode(200)
                .body("received", equalTo(49))
                .body("created", equalTo(49))
                .body("rejected", equalTo(0))
                .body("rejections", empty())
                .body("ignoredColumns", hasItem("note"));
        given().get("/api/v1/filings?q=Beijing-WenXinYiYan-20230821").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo("文心一言"))
                .body("items[0].jurisdiction", equalTo("CN-BJ"))
                .body("items[0].filingDate", equalTo("2023-08-31"))
                .body("items[0].sequenceNo", equalTo(1));
        // 属地 is blank on row 11, but its filing number says Zhejiang.
        given().get("/api/v1/filings?q=TongYiQianWen").then().body("items[0].jurisdiction", equalTo("CN-ZJ"));
        given().get("/api/v1/filings?jurisdiction=SASAC&limit=50").then().body("items", hasSize(12));
        given().get("/api/v1/filings?kind=REGISTRATION&q=新华语典").then().body("items", hasSize(1));

        importCsv(csv, "?batch=seen-rows").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(49));
    }

    @Test
    void knownListDefectsAreRejectedRowByRow() {
        String t = tag();
        int b = base();
        String csv = HEADER
                + (b + 1) + ",北京,好模型" + t + ",北京好公司" + t + "有限公司,Beijing-Good" + t + "-20240101,2024/1/20\n"
                + (b + 2) + ",北京,北京交换科技有限公司" + t + ",交换模型" + t + ",,2024/1/20\n"
                + (b + 3) + ",北京,杂字模型" + t + ",·北京杂字科技有限公司" + t + ",,2024/1/20\n"
                + (b + 4) + ",上海,矛盾模型" + t + ",上海矛盾有限公司" + t + ",Beijing-Clash" + t + "-20240101,2024/1/20\n"
                + (b + 5) + ",北京,算法模型" + t + ",北京算法有限公司" + t + ",网信算备110108823483901230031号,2024/1/20\n"
                + (b + 6) + ",北京,日期模型" + t + ",北京日期有限公司" + t + ",,2024/13/40\n"
                + (b + 7) + ",北京,重复模型" + t + ",北京重复有限公司" + t + ",Beijing-Good" + t + "-20240101,2024/1/20\n"
                + (b + 8) + ",北京,倒序模型" + t + ",北京倒序有限公司" + t + ",Beijing-Late" + t + "-20240301,2024/1/20\n"
                + (b + 9) + ",火星,火星模型" + t + ",火星有限公司" + t + ",,2024/1/20\n";
        importCsv(csv, "").then().statusCode(200)
                .body("received", equalTo(9))
                .body("created", equalTo(1))
                .body("rejected", equalTo(8))
                .body("rejections.row", equalTo(List.of(2, 3, 4, 5, 6, 7, 8, 9)))
                .body("rejections[0].reason", containsString("swapped"))
                .body("rejections[1].reason", containsString("stray character"))
                .body("rejections[2].reason", containsString("contradicts"))
                .body("rejections[3].reason", containsString("algorithm-registry"))
                .body("rejections[4].reason", containsString("date"))
                .body("rejections[5].reason", containsString("duplicates row 1"))
                .body("rejections[6].reason", containsString("after the filing date"))
                .body("rejections[7].reason", containsString("火星"));
    }

    @Test
    void allOrNothingRefusesTheWholeUploadAndDryRunWritesNothing() {
        String t = tag();
        int b = base();
        String good = (b + 1) + ",浙江,全有模型" + t + ",浙江全有有限公司" + t + ",Zhejiang-All" + t + "-20240101,2024/1/20\n";
        String bad = (b + 2) + ",浙江,浙江全无有限公司" + t + ",全无模型" + t + ",,2024/1/20\n";
        importCsv(HEADER + good + bad, "?mode=all-or-nothing").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("row[2]"));
        given().get("/api/v1/filings?q=全有模型" + t).then().body("items", empty());
        importCsv(HEADER + good, "?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(1));
        given().get("/api/v1/filings?q=全有模型" + t).then().body("items", empty());
        importCsv(HEADER + good, "?mode=all-or-nothing").then().statusCode(200).body("created", equalTo(1));
        given().get("/api/v1/filings?q=全有模型" + t).then().body("items", hasSize(1));
    }

    @Test
    void reimportUpdatesChangedRowsAndKeepsFieldsTheListDoesNotHave() {
        String t = tag();
        int b = base();
        String number = "Guangdong-Up" + t + "-20240101";
        importCsv(HEADER + (b + 1) + ",广东,更新模型" + t + ",广东更新有限公司" + t + "," + number + ",2024/1/20\n", "")
                .then().body("created", equalTo(1));
        long id = given().get("/api/v1/filings?q=" + number).then().extract().jsonPath().getLong("items[0].id");
        given().contentType("application/merge-patch+json").body("{\"categories\": [\"IMAGE\"]}")
                .patch("/api/v1/filings/" + id).then().statusCode(200);
        importCsv(HEADER + (b + 1) + ",广东,更新模型二" + t + ",广东更新有限公司" + t + "," + number.toUpperCase() + ",2024/1/20\n", "")
                .then().body("updated", equalTo(1)).body("created", equalTo(0));
        given().get("/api/v1/filings/" + id).then()
                .body("name", equalTo("更新模型二" + t))
                .body("categories", equalTo(List.of("IMAGE")));
        given().get("/api/v1/filings/" + id + "/history").then().body("action", hasItem("IMPORTED"));
    }

    @Test
    void jsonLinesImportReportsUnreadableLines() {
        String t = tag();
        int b = base();
        String body = "{\"filingNumber\":\"Sichuan-Json" + t + "-20240101\",\"kind\":\"FILING\",\"name\":\"行模型" + t
                + "\",\"organizationName\":\"四川行有限公司" + t + "\",\"jurisdiction\":\"CN-SC\",\"filingDate\":\"2024-01-20\",\"categories\":[\"TEXT\",\"CODE\"]}\n"
                + "{not json\n";
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/filings/import")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("rejections[0].row", equalTo(2));
        given().get("/api/v1/filings?q=行模型" + t).then().body("items[0].categories", equalTo(List.of("TEXT", "CODE")));
    }

    @Test
    void idempotentImportReplaysTheReport() {
        String t = tag();
        int b = base();
        String csv = HEADER + (b + 1) + ",湖南,幂等模型" + t + ",湖南幂等有限公司" + t + ",Hunan-Idem" + t + "-20240101,2024/1/20\n";
        String key = "import-" + t;
        given().contentType("text/csv").header("Idempotency-Key", key).body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import").then().statusCode(200).body("created", equalTo(1))
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        given().contentType("text/csv").header("Idempotency-Key", key).body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import").then().statusCode(200).body("created", equalTo(1))
                .header("Idempotent-Replayed", equalTo("true"));
        given().contentType("text/csv").header("Idempotency-Key", key).body((csv + (b + 2) + ",湖南,别的,湖南别的有限公司,,2024/1/1\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import").then().statusCode(422);
    }

    @Test
    void unreadableUploadsAreProblems() {
        importCsv("just,some,columns\n1,2,3\n", "").then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/csv").body(new byte[]{(byte) 0xff, (byte) 0xfe, 0x41}).post("/api/v1/filings/import")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body("x").post("/api/v1/filings/import").then().statusCode(415)
                .contentType("application/problem+json");
        importCsv(HEADER, "?mode=sometimes").then().statusCode(400).body("errors[0].field", equalTo("mode"));
        byte[] tooLarge = new byte[2_000_001];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        given().contentType("text/csv").body(tooLarge).post("/api/v1/filings/import").then().statusCode(413)
                .contentType("application/problem+json");
    }
}
