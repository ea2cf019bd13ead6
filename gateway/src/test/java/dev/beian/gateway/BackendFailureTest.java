package dev.beian.gateway;

import dev.beian.gateway.proxy.Backends;
import dev.beian.gateway.proxy.CircuitBreaker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backend that is down, dies mid-call or is slow: bounded problem answers, retries and the circuit breaker. */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class BackendFailureTest {

    @StandInBackends.Inject
    StandInBackends standIns;

    @Inject
    Backends backends;

    @AfterEach
    void restoreBackends() {
        standIns.registry().start();
        standIns.insights().start();
        backends.all().forEach(backend -> backend.breaker().reset());
    }

    @Test
    void downBackendIsA503ProblemWithRetryAfterWhileTheOtherBackendKeepsWorking() {
        given().get("/api/v1/insights/categories").then().statusCode(200); // warm up the client
        standIns.insights().stop();
        long start = System.nanoTime();
        Response down = given().header("X-Request-Id", "down-1").get("/api/v1/insights/categories");
        long took = millisSince(start); // before the assertions: their first JSON path compiles slowly
        assertTrue(took < 1500, "a refused connection is answered at once, not after the timeouts; took " + took + " ms");
        down.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("X-Request-Id", "down-1")
                .body("type", equalTo("https://beian.dev/problems/backend-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("insights"))
                .body("instance", equalTo("/api/v1/insights/categories"))
                .body("requestId", equalTo("down-1"));

        given().get("/api/v1/filings").then().statusCode(200).body("backend", equalTo("registry"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'backends' }.data.insights", containsString("DOWN"))
                .body("checks.find { it.name == 'backends' }.data.registry", equalTo("UP"));
    }

    @Test
    void slowBackendIsA504ProblemAfterTheRequestTimeoutAndIsNotRetried() {
        int before = standIns.insights().requests();
        long start = System.nanoTime();
        Response slow = given().get("/api/v1/insights/slow?ms=6000");
        long took = millisSince(start);
        slow.then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/backend-timeout"))
                .body("requestId", notNullValue());
        assertTrue(took >= 1900 && took < 5000, "504 after the 2 s request timeout, took " + took + " ms");
        assertEquals(before + 1, standIns.insights().requests(), "a timed-out call is not retried");
        given().get("/api/v1/filings").then().statusCode(200);
    }

    @Test
    void getWhoseConnectionBrokeIsRetriedButPostIsNot() {
        String getPath = "/api/v1/flaky/" + UUID.randomUUID();
        given().get(getPath).then().statusCode(200).body("backend", equalTo("registry"));
        assertEquals(2, standIns.registry().flakyHits(getPath), "the GET was sent twice");

        String postPath = "/api/v1/flaky/" + UUID.randomUUID();
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).contentType("application/json").body("{}")
                .post(postPath).then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/bad-gateway"));
        assertEquals(1, standIns.registry().flakyHits(postPath), "the POST was sent once");
    }

    @Test
    void circuitOpensAfterConsecutiveConnectionFailuresAnswersFastAndClosesWhenTheBackendIsBack() throws Exception {
        CircuitBreaker breaker = backends.insights().breaker();
        standIns.insights().stop();
        // Each GET tries twice (one retry); the threshold is 3 consecutive failures.
        given().get("/api/v1/insights/categories").then().statusCode(503);
        given().get("/api/v1/insights/categories").then().statusCode(503);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());

        long start = System.nanoTime();
        Response refused = given().get("/api/v1/insights/categories");
        long took = millisSince(start);
        assertTrue(took < 800, "an open breaker answers at once; took " + took + " ms");
        refused.then().statusCode(503).header("Retry-After", equalTo("1")).body("detail", containsString("paused"));
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'backends' }.data.insightsCircuit", equalTo("open"));
        given().get("/api/v1/filings").then().statusCode(200);

        standIns.insights().start();
        int status = 0;
        for (int i = 0; i < 30 && status != 200; i++) { // the 1 s cool-down, then one trial call
            Thread.sleep(100);
            status = given().get("/api/v1/insights/categories").statusCode();
        }
        assertEquals(200, status);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void backendStoppedMidTestTurnsAnswersInto503ProblemsAndBack() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 10) { // stop while a call is at the backend
                CompletableFuture<Response> cutOff = CompletableFuture.supplyAsync(() -> given().get("/api/v1/slow?ms=1800").andReturn());
                waitUntil(() -> standIns.registry().inFlight() > 0);
                standIns.registry().stop();
                Response cut = cutOff.get(10, TimeUnit.SECONDS);
                assertTrue(cut.statusCode() == 503 || cut.statusCode() == 502, "the call cut off: " + cut.statusCode());
                assertEquals("application/problem+json", cut.contentType());
            }
            if (i == 20) {
                standIns.registry().start();
                Thread.sleep(1100); // the breaker's cool-down
            }
            Response response = given().get("/api/v1/filings/" + i).andReturn();
            statuses.add(response.statusCode());
            if (response.statusCode() != 200) {
                assertEquals("application/problem+json", response.contentType());
            }
            given().get("/api/v1/insights/categories").then().statusCode(200);
        }
        assertTrue(statuses.subList(0, 10).stream().allMatch(s -> s == 200), statuses.toString());
        assertTrue(statuses.subList(10, 20).stream().allMatch(s -> s == 503), statuses.toString());
        assertTrue(statuses.subList(21, 30).stream().allMatch(s -> s == 200), statuses.toString());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "condition not met in 5 s");
    }
}
