package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class ProxyRoutesTest {

    @Test
    void insightsPathsGoToTheInsightsService() {
        given().get("/api/v1/insights/summary?asOf=2025-01-01").then().statusCode(200)
                .body("backend", equalTo("insights"))
                .body("uri", equalTo("/api/v1/insights/summary?asOf=2025-01-01"));
        given().get("/api/v1/insights").then().statusCode(200).body("backend", equalTo("insights"));
    }

    @Test
    void otherApiPathsGoToTheRegistry() {
        given().get("/api/v1/filings?limit=5").then().statusCode(200)
                .body("backend", equalTo("registry"))
                .body("uri", equalTo("/api/v1/filings?limit=5"));
        given().get("/api/v1/insightsfoo").then().statusCode(200).body("backend", equalTo("registry"));
    }

    @Test
    void requestBodiesArriveWhole() {
        String body = "x".repeat(200_000);
        given().header("X-API-Key", StandInBackends.EDITOR_KEY)
                .contentType("text/csv").body(body).post("/api/v1/filings/import").then().statusCode(200)
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
    void missingOrInvalidRequestIdIsMadeAndForwarded() {
        String id = given().get("/api/v1/filings").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().get("/api/v1/filings").then().body("requestId", not(equalTo(id)));
        given().header("X-Request-Id", "has spaces and ümlauts").get("/api/v1/filings").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void answersOutsideTheApiCarryARequestIdToo() {
        given().get("/q/health/live").then().statusCode(200).header("X-Request-Id", not(emptyOrNullString()));
    }

    @Test
    void traceparentIsForwardedUntouched() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("traceparent", traceparent).get("/api/v1/filings").then().statusCode(200)
                .body("traceparent", equalTo(traceparent));
    }

    @Test
    void clientHostIsKeptSoBackendLinksPointAtTheGateway() {
        given().header("Host", "api.beian.example:8443").get("/api/v1/filings").then().statusCode(200)
                .body("host", equalTo("api.beian.example:8443"));
    }

    @Test
    void conditionalRequestsPassThroughUntouched() {
        given().header("If-None-Match", StandIn.ETAG).get("/api/v1/filings/1").then().statusCode(304)
                .header("ETag", StandIn.ETAG)
                .header("Transfer-Encoding", nullValue());
        given().header("If-None-Match", "\"v0\"").get("/api/v1/filings/1").then().statusCode(200)
                .header("ETag", StandIn.ETAG);
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).header("If-Match", "\"v0\"")
                .contentType("application/json").body("{}").put("/api/v1/filings/1").then().statusCode(412)
                .header("ETag", StandIn.ETAG);
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).header("If-Match", StandIn.ETAG)
                .contentType("application/json").body("{}").put("/api/v1/filings/1").then().statusCode(200)
                .body("ifMatch", equalTo(StandIn.ETAG));
        given().header("If-None-Match", StandIn.ETAG).get("/api/v1/insights/categories").then().statusCode(304);
    }

    @Test
    void headIsProxied() {
        Response head = given().head("/api/v1/filings/1").andReturn();
        assertEquals(200, head.statusCode());
        assertEquals(StandIn.ETAG, head.header("ETag"));
    }

    @Test
    void headersTheGatewayOwnsAreNotDuplicatedFromTheBackend() {
        Response response = given().header("X-Request-Id", "own-1").get("/api/v1/filings?leak=1").andReturn();
        assertEquals(200, response.statusCode());
        assertEquals(1, response.headers().getValues("X-Request-Id").size());
        assertEquals("own-1", response.header("X-Request-Id"));
        assertEquals(null, response.header("Access-Control-Allow-Origin"));
        assertEquals(1, response.headers().getValues("RateLimit-Limit").size());
        given().get("/api/v1/filings?leak=1").then().header("Vary", equalTo("Accept"));
    }

    @Test
    void pathsNobodyServesAre404Problems() {
        given().header("X-Request-Id", "nf-1").get("/no-such-page").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/not-found"))
                .body("requestId", equalTo("nf-1"));
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void metricsNameApiCallsByBackendNotByPath() {
        given().get("/api/v1/filings/metrics-77").then().statusCode(200);
        given().get("/api/v1/insights/metrics-78").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/*\"}"), metrics);
        assertTrue(metrics.contains("uri=\"/api/v1/insights/*\""), metrics);
        assertFalse(metrics.contains("metrics-77"), "one timer per filing path");
        assertFalse(metrics.contains("metrics-78"), "one timer per insights path");
    }

    @Test
    void readinessReportsEachBackend() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'backends' }.data.registry", equalTo("UP"))
                .body("checks.find { it.name == 'backends' }.data.insights", equalTo("UP"))
                .body("checks.find { it.name == 'backends' }.data.registryCircuit", equalTo("closed"))
                .body("checks.find { it.name == 'backends' }.data.nothing", nullValue());
    }
}
