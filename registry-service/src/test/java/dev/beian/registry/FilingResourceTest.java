package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class FilingResourceTest {

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> filing(String number, String name, String organization) {
        return new java.util.HashMap<>(Map.of("filingNumber", number, "kind", "FILING", "name", name,
                "organizationName", organization, "filingDate", "2024-05-13",
                "categories", List.of("TEXT"), "sectors", List.of("GENERAL")));
    }

    static Response create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/filings");
    }

    @Test
    void createReadsBackWithLocationEtagAndInferredJurisdiction() {
        String number = unique("Beijing-Test") + "-20240428";
        Response created = create(filing(number, "求索对话", "北京深度求索人工智能基础技术研究有限公司"));
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/filings/"))
                .header("ETag", "\"v0\"")
                .body("jurisdiction", equalTo("CN-BJ"))
                .body("status", equalTo("ACTIVE"))
                .body("statusHistory[0].since", equalTo("2024-05-13"))
                .body("organization.legalName", equalTo("北京深度求索人工智能基础技术研究有限公司"));
        String location = created.header("Location");
        given().get(location).then().statusCode(200).body("filingNumber", equalTo(number)).header("ETag", "\"v0\"");
        given().header("If-None-Match", "\"v0\"").get(location).then().statusCode(304);
    }

    @Test
    void filingNumberIsUniqueRegardlessOfCase() {
        String number = unique("Shanghai-Dup") + "-2024";
        create(filing(number, "甲", "上海甲公司")).then().statusCode(201);
        create(filing(number.toUpperCase(), "乙", "上海乙公司")).then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void invalidFilingGetsFieldErrors() {
        Map<String, Object> body = filing(unique("Beijing-Bad") + "-2024", "", "北京某公司");
        body.put("jurisdiction", "CN-SH");
        body.put("categories", List.of("TEXT", "POETRY"));
        create(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("jurisdiction"))
                .body("errors.field", hasItem("categories[1]"));
    }

    @Test
    void malformedJsonAndUnknownFieldsAndWrongMediaTypeAreProblems() {
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/filings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON")).body("detail", containsString("end-of-input"));
        given().contentType(ContentType.JSON).body("{name: 1}").post("/api/v1/filings")
                .then().statusCode(400).body("title", equalTo("Malformed JSON")).body("detail", containsString("name"));
        Map<String, Object> body = filing(unique("Beijing-X") + "-2024", "某", "北京某某公司");
        body.put("nmae", "typo");
        create(body).then().statusCode(400).body("errors[0].field", equalTo("nmae"));
        given().contentType("text/plain").body("hello").post("/api/v1/filings")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"kind\": \"NOPE\", \"name\": \"x\"}").post("/api/v1/filings")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void anAnswerToAWriteShowsTheTimesThatLaterReadsShow() {
        Response created = create(filing(unique("Hubei-Time") + "-2024", "时间模型", "湖北时间公司"));
        created.then().statusCode(201);
        String location = created.header("Location");
        given().get(location).then().statusCode(200)
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")))
                .body("updatedAt", equalTo(created.jsonPath().getString("updatedAt")));
        String patchedAt = given().contentType("application/merge-patch+json").body(Map.of("nameEn", "Time"))
                .patch(location).then().statusCode(200).extract().jsonPath().getString("updatedAt");
        given().get(location).then().body("updatedAt", equalTo(patchedAt));
        Response deployment = given().contentType(ContentType.JSON).body(Map.of("region", "CN-HB", "sector", "LEGAL"))
                .post(location + "/deployments");
        deployment.then().statusCode(201);
        given().get(deployment.header("Location")).then().statusCode(200)
                .body("createdAt", equalTo(deployment.jsonPath().getString("createdAt")));
    }

    @Test
    void listPagesAndVocabulariesCarryContentETagsSoPollsCost304() {
        String org = unique("轮询公司");
        create(filing(unique("Tianjin-Poll") + "-2024", "轮询甲", org)).then().statusCode(201);
        String list = "/api/v1/filings?q=" + org;
        String tag = given().get(list).then().statusCode(200).header("ETag", startsWith("W/\"")).extract().header("ETag");
        given().header("If-None-Match", tag).get(list).then().statusCode(304).header("ETag", equalTo(tag));
        create(filing(unique("Tianjin-Poll") + "-2024", "轮询乙", org)).then().statusCode(201);
        given().header("If-None-Match", tag).get(list).then().statusCode(200).header("ETag", not(equalTo(tag)))
                .body("items", hasSize(2));
        String vocabulary = given().get("/api/v1/reference/categories").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", vocabulary).get("/api/v1/reference/categories").then().statusCode(304);
    }

    @Test
    void unknownFilingIs404Problem() {
        given().get("/api/v1/filings/999999999").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("999999999"));
        given().get("/api/v1/filings/not-a-number").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void mergePatchChangesOnlyGivenFieldsAndRecordsHistory() {
        String location = create(filing(unique("Zhejiang-P") + "-2024", "通义", "阿里巴巴（杭州）公司")).header("Location");
        given().contentType("application/merge-patch+json").header("X-Beian-Actor", "editor-1")
                .body("{\"nameEn\": \"Tongyi\", \"sectors\": null}")
                .patch(location).then().statusCode(200)
                .header("ETag", "\"v1\"")
                .body("nameEn", equalTo("Tongyi"))
                .body("name", equalTo("通义"))
                .body("sectors", hasSize(0));
        given().get(location + "/history").then().statusCode(200)
                .body("action", contains("CREATED", "UPDATED"))
                .body("[1].actor", equalTo("editor-1"))
                .body("[1].changes.nameEn.to", equalTo("Tongyi"))
                .body("[1].changes.nameEn.from", nullValue());
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String location = create(filing(unique("Guangdong-E") + "-2024", "混元", "深圳市腾讯计算机系统有限公司")).header("Location");
        given().contentType("application/merge-patch+json").header("If-Match", "\"v0\"")
                .body("{\"nameEn\": \"Hunyuan\"}").patch(location).then().statusCode(200);
        given().contentType("application/merge-patch+json").header("If-Match", "\"v0\"")
                .body("{\"nameEn\": \"Stale\"}").patch(location).then().statusCode(412)
                .contentType("application/problem+json");
        given().get(location).then().body("nameEn", equalTo("Hunyuan")).header("ETag", "\"v1\"");
        given().header("If-Match", "\"v0\"").delete(location).then().statusCode(412);
        given().get(location).then().statusCode(200);
    }

    @Test
    void statusChangeIsDatedAndDeleteKeepsHistory() {
        String location = create(filing(unique("Jiangsu-S") + "-2024", "小艺", "华为软件技术有限公司")).header("Location");
        given().contentType("application/merge-patch+json")
                .body("{\"status\": \"WITHDRAWN\", \"statusDate\": \"2025-01-02\"}").patch(location)
                .then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("statusHistory.status", contains("ACTIVE", "WITHDRAWN"))
                .body("statusHistory[1].since", equalTo("2025-01-02"));
        given().delete(location).then().statusCode(204);
        given().get(location).then().statusCode(404);
        given().get(location + "/history").then().statusCode(200)
                .body("action", contains("CREATED", "STATUS_CHANGED", "DELETED"));
    }

    @Test
    void idempotentCreateReplaysTheFirstAnswer() {
        String key = unique("key-");
        Map<String, Object> body = filing(unique("Sichuan-I") + "-2024", "某模型", "四川某公司");
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/filings");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response retry = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/filings");
        retry.then().statusCode(201).header("Location", equalTo(first.header("Location")))
                .header("Idempotent-Replayed", equalTo("true"));
        assertEquals(first.jsonPath().getLong("id"), retry.jsonPath().getLong("id"));
        body.put("name", "另一个");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/filings")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void deploymentsAreASubResource() {
        String location = create(filing(unique("Shandong-D") + "-2024", "部署", "山东某公司")).header("Location");
        String deployment = given().contentType(ContentType.JSON)
                .body(Map.of("region", "SG", "sector", "FINANCE", "since", "2024-03-01"))
                .post(location + "/deployments").then().statusCode(201).extract().header("Location");
        given().get(location + "/deployments").then().statusCode(200).body("region", contains("SG"));
        given().contentType(ContentType.JSON).body(Map.of("region", "XX-YY"))
                .post(location + "/deployments").then().statusCode(400).body("errors[0].field", equalTo("region"));
        given().contentType("application/merge-patch+json").body(Map.of("sector", "LEGAL")).patch(deployment)
                .then().statusCode(200).header("ETag", equalTo("\"v1\"")).body("region", equalTo("SG"))
                .body("sector", equalTo("LEGAL")).body("since", equalTo("2024-03-01"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"v0\"").body(Map.of("sector", "MEDIA"))
                .patch(deployment).then().statusCode(412);
        given().contentType("application/merge-patch+json").body("{\"region\": null}").patch(deployment)
                .then().statusCode(400).body("errors[0].field", equalTo("region"));
        given().get(deployment).then().body("sector", equalTo("LEGAL")).body("version", equalTo(1));
        given().get(location + "/deployments?limit=5").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().delete(deployment).then().statusCode(204);
        given().get(location + "/deployments").then().body("", hasSize(0));
        given().get("/api/v1/filings/987654321/deployments").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listFiltersSortsAndPagesWithCursor() {
        String org = unique("分页测试公司");
        for (int i = 1; i <= 5; i++) {
            Map<String, Object> body = filing(unique("Hubei-L") + "-2024", "分页" + i, org);
            body.put("filingDate", "2024-01-0" + i);
            create(body).then().statusCode(201);
        }
        long orgId = given().get("/api/v1/organizations?q=" + org).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        Response page1 = given().get("/api/v1/filings?organization=" + orgId + "&sort=filingDate&limit=2");
        page1.then().statusCode(200).body("items.name", contains("分页1", "分页2"))
                .header("Link", containsString("rel=\"next\""));
        String cursor = page1.jsonPath().getString("nextCursor");
        given().queryParam("cursor", cursor).get("/api/v1/filings?organization=" + orgId + "&sort=filingDate&limit=2")
                .then().body("items.name", contains("分页3", "分页4"));
        given().get("/api/v1/filings?organization=" + orgId + "&sort=-filingDate&limit=10")
                .then().body("items.name", contains("分页5", "分页4", "分页3", "分页2", "分页1"))
                .body("nextCursor", nullValue());
        given().queryParam("cursor", cursor).get("/api/v1/filings?organization=" + orgId + "&sort=name")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void filedDateRangeIsInclusiveAndLeavesOutUnknownDates() {
        String org = unique("日期范围测试公司");
        for (String date : new String[]{"2023-12-31", "2024-01-01", "2024-06-30", "2024-07-01", null}) {
            Map<String, Object> body = filing(unique("Hubei-D") + "-2024", "日期" + date, org);
            body.remove("filingDate");
            if (date != null) {
                body.put("filingDate", date);
            }
            create(body).then().statusCode(201);
        }
        long orgId = given().get("/api/v1/organizations?q=" + org).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        String list = "/api/v1/filings?organization=" + orgId;
        given().get(list + "&filedFrom=2024-01-01&filedTo=2024-06-30&sort=filingDate").then().statusCode(200)
                .body("items.name", contains("日期2024-01-01", "日期2024-06-30"));
        given().get(list + "&filedTo=2024-01-01&sort=-filingDate").then().statusCode(200)
                .body("items.name", contains("日期2024-01-01", "日期2023-12-31"));
        given().get(list + "&filedFrom=2024-06-30&sort=-filingDate").then().statusCode(200)
                .body("items.name", contains("日期2024-07-01", "日期2024-06-30"));
        // Without a range the filing of unknown date is listed, first in ascending date order.
        given().get(list + "&sort=filingDate&limit=1").then().statusCode(200)
                .body("items.name", contains("日期null"));
    }

    @Test
    void oneCharacterChineseSearchFindsSubstrings() {
        String marker = "鑫";
        create(filing(unique("Henan-Q") + "-2024", "中原" + marker + "模型", "河南测试公司")).then().statusCode(201);
        given().queryParam("q", marker).get("/api/v1/filings").then().statusCode(200)
                .body("items.name", hasItem("中原" + marker + "模型"));
        given().queryParam("q", marker + "模").get("/api/v1/filings").then().statusCode(200)
                .body("items.name", hasItem("中原" + marker + "模型"));
        given().queryParam("q", "河南测试").get("/api/v1/filings").then().statusCode(200)
                .body("items.name", hasItem("中原" + marker + "模型"));
    }

    @Test
    void oneCharacterAsciiAndSpacedQueriesMatchTheText() {
        // ASCII characters have no gram of their own: such queries are answered by the text filter alone.
        String org = unique("字母测试公司");
        Map<String, Object> zeta = filing(unique("Hubei-Y") + "-2024", "字母甲", org);
        zeta.put("nameEn", "Zeta Chat");
        Map<String, Object> other = filing(unique("Hubei-Y") + "-2024", "字母乙", org);
        other.put("nameEn", "Other");
        create(zeta).then().statusCode(201);
        create(other).then().statusCode(201);
        long orgId = given().get("/api/v1/organizations?q=" + org).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        String list = "/api/v1/filings?organization=" + orgId;
        given().queryParam("q", "Z").get(list).then().statusCode(200).body("items.name", contains("字母甲"));
        given().queryParam("q", "a c").get(list).then().statusCode(200).body("items.name", contains("字母甲"));
        given().queryParam("q", "甲").get(list).then().statusCode(200).body("items.name", contains("字母甲"));
    }

    @Test
    void invalidListParametersNameTheParameter() {
        given().get("/api/v1/filings?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/filings?limit=201").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/filings?jurisdiction=CN-XX").then().statusCode(400).body("errors[0].field", equalTo("jurisdiction"));
        given().get("/api/v1/filings?kind=other").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().get("/api/v1/filings?filedFrom=2024-13-01").then().statusCode(400).body("errors[0].field", equalTo("filedFrom"));
        given().get("/api/v1/filings?sort=age").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().get("/api/v1/filings?cursor=garbage!").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().get("/api/v1/filings?jurisdicton=CN-BJ").then().statusCode(400).body("errors[0].field", equalTo("jurisdicton"));
    }

    @Test
    void oneAnswerNamesEveryInvalidListParameter() {
        given().get("/api/v1/filings?limit=abc&sort=age&jurisdiction=XX&kind=other&filedFrom=2024-13-01&q=ok")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("limit", "sort", "jurisdiction", "kind", "filedFrom"))
                .body("detail", containsString("5 parameters are invalid"));
        given().accept("text/csv").get("/api/v1/filings?limit=5&cursor=x&status=gone")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("limit", "cursor", "status"));
    }
}
