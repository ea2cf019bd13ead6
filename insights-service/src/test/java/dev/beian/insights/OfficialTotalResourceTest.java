package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
class OfficialTotalResourceTest {

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
                .body("checks.name", hasItems("Database connections health check"));
    }
}
