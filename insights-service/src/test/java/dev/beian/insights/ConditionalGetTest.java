package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ETag, Last-Modified, Cache-Control and 304 answers that are given without computing anything. */
@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class ConditionalGetTest extends FeedDrivenTest {

    private static final List<String> ENDPOINTS = List.of("summary", "categories", "regions", "trends",
            "organizations", "matrix", "lineage", "weights", "coverage");

    @BeforeEach
    void loadFeed() throws Exception {
        load(KnownFeed.events());
    }

    @Test
    void everyAnswerCarriesItsWatermarkAndCacheHeaders() {
        for (String endpoint : ENDPOINTS) {
            given().get("/api/v1/insights/" + endpoint).then().statusCode(200)
                    .header("ETag", notNullValue())
                    .header("Last-Modified", notNullValue())
                    .header("Cache-Control", equalTo("max-age=5"))
                    .body("watermark.cursor", equalTo(registry().lastCursor()))
                    .body("watermark.eventTime", notNullValue())
                    .body("watermark.appliedAt", notNullValue());
        }
    }

    @Test
    void aCurrentTagGets304WithoutComputing() {
        String etag = given().get("/api/v1/insights/matrix").then().statusCode(200).extract().header("ETag");
        double computed = responses("computed");
        double notModified = responses("not-modified");

        for (int i = 0; i < 3; i++) {
            given().header("If-None-Match", etag).get("/api/v1/insights/matrix").then().statusCode(304)
                    .header("ETag", etag)
                    .header("Cache-Control", equalTo("max-age=5"))
                    .body(emptyString());
        }
        given().header("If-None-Match", etag).header("X-Request-Id", "poll-42").get("/api/v1/insights/matrix")
                .then().statusCode(304).header("X-Request-Id", "poll-42");
        assertTrue(etag.startsWith("W/\""), "insights tags are weak: " + etag);
        // Weak comparison: the same opaque tag without its W/ matches too.
        given().header("If-None-Match", etag.substring(2)).get("/api/v1/insights/matrix").then().statusCode(304)
                .header("X-Request-Id", notNullValue());
        given().header("If-None-Match", "\"other\", " + etag).get("/api/v1/insights/matrix").then().statusCode(304);
        given().header("If-None-Match", "*").get("/api/v1/insights/matrix").then().statusCode(304);

        assertEquals(computed, responses("computed"));
        assertEquals(notModified + 7, responses("not-modified"));
        given().header("If-None-Match", "\"other\"").get("/api/v1/insights/matrix").then().statusCode(200);
    }

    @Test
    void theTagChangesWithTheFeedAndTheQuestion() throws Exception {
        String etag = etag("/api/v1/insights/categories?kind=FILING&asOf=2024-06-30");
        assertEquals(etag, etag("/api/v1/insights/categories?asOf=2024-06-30&kind=FILING"));
        assertNotEquals(etag, etag("/api/v1/insights/categories?kind=FILING&asOf=2024-06-29"));
        assertNotEquals(etag, etag("/api/v1/insights/regions?kind=FILING&asOf=2024-06-30"));

        append(List.of(Events.filing(500).jurisdiction("CN-BJ").date("2024-06-01").categories("TEXT").created()));
        Response fresh = given().header("If-None-Match", etag)
                .get("/api/v1/insights/categories?kind=FILING&asOf=2024-06-30");
        assertEquals(200, fresh.statusCode());
        assertNotEquals(etag, fresh.header("ETag"));
        assertEquals(registry().lastCursor(), fresh.jsonPath().getString("watermark.cursor"));
        assertEquals(5, fresh.jsonPath().getInt("filings")); // F1-F4 and the new one
    }

    @Test
    void aRebuildChangesEveryTag() throws Exception {
        String etag = etag("/api/v1/insights/summary");
        rebuilds.rebuild();
        given().header("If-None-Match", etag).get("/api/v1/insights/summary").then().statusCode(200)
                .body("total", equalTo(0));
        follower.catchUp();
        given().header("If-None-Match", etag).get("/api/v1/insights/summary").then().statusCode(200)
                .body("total", equalTo(10));
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromMemoryUntilTheFeedMoves() throws Exception {
        Map<String, String> before = new HashMap<>();
        Map<String, String> tags = new HashMap<>();
        for (String endpoint : ENDPOINTS) {
            Response first = given().get("/api/v1/insights/" + endpoint);
            assertEquals(200, first.statusCode());
            before.put(endpoint, first.asString());
            tags.put(endpoint, first.header("ETag"));
        }
        double computed = responses("computed");
        double cached = responses("cached");
        for (String endpoint : ENDPOINTS) {
            Response again = given().get("/api/v1/insights/" + endpoint);
            assertEquals(200, again.statusCode());
            assertEquals(before.get(endpoint), again.asString(), endpoint);
            assertEquals(tags.get(endpoint), again.header("ETag"), endpoint);
            assertEquals("application/json", again.contentType().split(";")[0], endpoint);
        }
        assertEquals(computed, responses("computed"));
        assertEquals(cached + ENDPOINTS.size(), responses("cached"));

        // A registration in CN-BJ on F3 (organization 2, TEXT, open weights) moves every answer: the first poll
        // after the batch is applied shows it, computed afresh.
        append(List.of(KnownFeed.beta(Events.registration(16)).jurisdiction("CN-BJ").date("2024-04-01")
                .categories("TEXT").weights("OPEN").base(KnownFeed.F3).created()));
        for (String endpoint : ENDPOINTS) {
            Response after = given().get("/api/v1/insights/" + endpoint);
            assertEquals(200, after.statusCode());
            assertNotEquals(tags.get(endpoint), after.header("ETag"), endpoint);
            assertEquals(registry().lastCursor(), after.jsonPath().getString("watermark.cursor"), endpoint);
            assertNotEquals(withoutWatermark(before.get(endpoint)), withoutWatermark(after.asString()), endpoint);
        }
        assertEquals(computed + ENDPOINTS.size(), responses("computed"));
        assertEquals(11, get("/api/v1/insights/summary").getInt("total"));
        assertEquals(4, get("/api/v1/insights/matrix").getInt("rows.find { it.jurisdiction == 'CN-BJ' }.counts.TEXT"));
        assertEquals(List.of(3, 2), get("/api/v1/insights/lineage").getList("bases.registrations"));
        assertEquals(List.of(3, 1, 2, 5), get("/api/v1/insights/weights").getList("weights.count"));
    }

    @Test
    void cachedAnswersFollowARebuild() throws Exception {
        given().get("/api/v1/insights/summary").then().statusCode(200).body("total", equalTo(10));
        given().get("/api/v1/insights/summary").then().statusCode(200).body("total", equalTo(10));
        rebuilds.rebuild();
        given().get("/api/v1/insights/summary").then().statusCode(200).body("total", equalTo(0));
        follower.catchUp();
        given().get("/api/v1/insights/summary").then().statusCode(200).body("total", equalTo(10))
                .body("watermark.cursor", equalTo(registry().lastCursor()));
    }

    private static String withoutWatermark(String json) {
        return json.replaceAll("\"watermark\":\\{[^}]*}", "");
    }

    private static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** The beian_insights_responses_total counter of one outcome, from the Prometheus scrape. */
    static double responses(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^beian_insights_responses_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
