package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class ProxyRoutesTest {

    @Test
    void insightsPathsGoToTheInsightsService() {
        given().get("/api/v1/insights/summary?asOf=2025-01-01").then().statusCode(200)
                .body("backend", equalTo("insights"))
                .body("uri", equalTo("/api/v1/insights/summary?asOf=2025-01-01"));
    }

    @Test
    void otherApiPathsGoToTheRegistry() {
        given().get("/api/v1/filings?limit=5").then().statusCode(200)
                .body("backend", equalTo("registry"))
                .body("uri", equalTo("/api/v1/filings?limit=5"));
    }

    @Test
    void requestBodiesArriveWhole() {
        String body = "x".repeat(200_000);
        given().contentType("text/csv").body(body).post("/api/v1/filings/import").then().statusCode(200)
                .body("backend", equalTo("registry"))
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(200_000));
    }

    @Test
    void validRequestIdIsForwardedAndEchoed() {
        given().header("X-Request-Id", "dash-42").get("/api/v1/filings").then().statusCode(200)
                .header("X-Request-Id", "dash-42")
                .body("requestId", equalTo("dash-42"));
    }

    @Test
    void missingRequestIdIsMadeAndForwarded() {
        String id = given().get("/api/v1/filings").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().get("/api/v1/filings").then().body("requestId", org.hamcrest.Matchers.not(equalTo(id)));
    }

    @Test
    void readinessReportsEachBackend() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'backends' }.data.registry", equalTo("UP"))
                .body("checks.find { it.name == 'backends' }.data.insights", equalTo("UP"));
    }
}
