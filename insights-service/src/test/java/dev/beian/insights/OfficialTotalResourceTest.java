package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class OfficialTotalResourceTest {

    private static final String PATH = "/api/v1/insights/official-totals/";
    /** A date not in the seed, so the seeded totals stay as other tests expect them. */
    private static final String NEW_DATE = "2026-09-30";
    private static final String BODY = "{\"filedCumulative\":1050,\"registeredCumulative\":640,\"status\":\"official\","
            + "\"source\":\"CAC notice (test)\"}";

    @AfterEach
    void removeTestTotal() {
        String etag = given().get(PATH + NEW_DATE).header("ETag");
        if (etag != null) {
            given().header("If-Match", etag).delete(PATH + NEW_DATE).then().statusCode(204);
        }
    }

    @Test
    void seededOfficialTotalsAreServedOldestFirst() {
        given().get("/api/v1/insights/official-totals").then().statusCode(200)
                .body("", hasSize(13))
                .body("[0].asOf", equalTo("2023-08-31"))
                .body("[12].asOf", equalTo("2026-06-30"))
                .body("[12].filedCumulative", equalTo(988))
                .body("[12].registeredCumulative", equalTo(598))
                .body("find { it.asOf == '2025-07-30' }.approximate", equalTo(true));
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "change-feed-follower"));
    }

    @Test
    void createReplaceAndDeleteWithETags() {
        String created = given().contentType(ContentType.JSON).body(BODY).put(PATH + NEW_DATE).then().statusCode(201)
                .header("Location", endsWith(PATH + NEW_DATE))
                .body("filedCumulative", equalTo(1050))
                .body("approximate", equalTo(false))
                .extract().header("ETag");
        given().get(PATH + NEW_DATE).then().statusCode(200).header("ETag", created).body("registeredCumulative", equalTo(640));
        given().get("/api/v1/insights/coverage").then().statusCode(200)
                .body("points.find { it.asOf == '" + NEW_DATE + "' }.officialFilings", equalTo(1050));

        String replaced = given().contentType(ContentType.JSON).header("If-Match", created)
                .body(BODY.replace("1050", "1060")).put(PATH + NEW_DATE).then().statusCode(200)
                .body("filedCumulative", equalTo(1060)).extract().header("ETag");
        given().get("/api/v1/insights/coverage").then().statusCode(200)
                .body("points.find { it.asOf == '" + NEW_DATE + "' }.officialFilings", equalTo(1060));

        // The first tag is stale now: both a replace and a delete with it are refused.
        problem(given().contentType(ContentType.JSON).header("If-Match", created).body(BODY).put(PATH + NEW_DATE), 412);
        problem(given().header("If-Match", created).delete(PATH + NEW_DATE), 412);
        given().header("If-Match", replaced).delete(PATH + NEW_DATE).then().statusCode(204);
        problem(given().get(PATH + NEW_DATE), 404);
    }

    @Test
    void theListIsConditionalOnTheTotals() {
        String etag = given().get("/api/v1/insights/official-totals").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/insights/official-totals").then().statusCode(304);
        given().contentType(ContentType.JSON).body(BODY).put(PATH + NEW_DATE).then().statusCode(201);
        given().header("If-None-Match", etag).get("/api/v1/insights/official-totals").then().statusCode(200)
                .body("", hasSize(14));
    }

    @Test
    void changingAnExistingTotalNeedsIfMatch() {
        given().contentType(ContentType.JSON).body(BODY).put(PATH + NEW_DATE).then().statusCode(201);
        problem(given().contentType(ContentType.JSON).body(BODY).put(PATH + NEW_DATE), 428);
        problem(given().delete(PATH + NEW_DATE), 428);
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(BODY).put(PATH + "2026-10-31"), 412);
    }

    @Test
    void invalidInputIsA400Problem() {
        problem(given().get(PATH + "2026-13-01"), 400).body("errors[0].field", equalTo("asOf"));
        problem(given().contentType(ContentType.JSON).body(BODY).put(PATH + "not-a-date"), 400);
        problem(given().contentType(ContentType.JSON).body("{\"filedCumulative\":-1,\"status\":\"rumour\",\"source\":\"\"}")
                .put(PATH + NEW_DATE), 400)
                .body("errors.field", hasItems("filedCumulative", "status", "source"));
        problem(given().contentType(ContentType.JSON).body("{\"filedCumulative\":1,\"status\":\"official\","
                + "\"source\":\"x\",\"extra\":1}").put(PATH + NEW_DATE), 400)
                .body("errors[0].field", equalTo("extra"));
        problem(given().contentType(ContentType.JSON).body("{").put(PATH + NEW_DATE), 400);
        problem(given().contentType(ContentType.TEXT).body("1050").put(PATH + NEW_DATE), 415);
        problem(given().delete(PATH + "2021-01-01"), 404);
        problem(given().delete(PATH + "1970-01-01"), 400); // before the register's earliest date (1980-01-01)
    }

    private static io.restassured.response.ValidatableResponse problem(io.restassured.response.Response response,
                                                                      int status) {
        return response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }
}
