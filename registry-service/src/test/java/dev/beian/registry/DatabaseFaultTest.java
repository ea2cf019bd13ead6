package dev.beian.registry;

import dev.beian.common.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The registry's database goes away: every kind of request is answered 503 with Retry-After (never 500),
 * readiness reports DOWN, and everything recovers with no manual step once the database is back, whether it
 * was stopped and started or its postmaster was killed and the supervisor restarted it.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class DatabaseFaultTest {

    private static final String PROBLEM = "application/problem+json";

    static Map<String, Object> filing(String name) {
        String number = "Beijing-Fault" + UUID.randomUUID().toString().substring(0, 8) + "-2024";
        return Map.of("filingNumber", number, "kind", "FILING", "name", name, "organizationName", "故障测试公司",
                "filingDate", "2024-05-13", "categories", List.of("TEXT"), "sectors", List.of("GENERAL"));
    }

    static Response create(String name) {
        return given().contentType(ContentType.JSON).body(filing(name)).post("/api/v1/filings");
    }

    static EmbeddedDatabase database() {
        EmbeddedDatabase database = RegistryDatabase.current;
        assumeTrue(database != null, "needs the embedded test database (not BEIAN_TEST_DB_URL)");
        return database;
    }

    static void assertUnavailable(Response response) {
        response.then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503))
                .body("type", equalTo("https://beian.dev/problems/unavailable"));
    }

    @Test
    void databaseDownAnswers503WithRetryAfterAndReadinessDownThenRecovers() throws Exception {
        EmbeddedDatabase database = database();
        String location = create("故障前").then().statusCode(201).extract().header("Location");
        String head = given().queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200)
                .extract().path("nextCursor");

        database.stop();
        try {
            assertUnavailable(given().get("/api/v1/filings"));
            assertUnavailable(given().get(location));
            assertUnavailable(create("故障中"));
            assertUnavailable(given().queryParam("after", head).queryParam("wait", 1).get("/api/v1/changes"));
            assertUnavailable(given().get("/api/v1/organizations"));
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            database.start();
        }

        awaitStatus(() -> given().get(location), 200, Duration.ofSeconds(30));
        given().get(location).then().statusCode(200).body("name", equalTo("故障前"));
        given().get("/q/health/ready").then().statusCode(200);
        String after = given().queryParam("after", head).queryParam("limit", 1000).get("/api/v1/changes")
                .then().statusCode(200).extract().path("nextCursor");

        // The long poll wakes on the next commit again: the LISTEN connection came back too.
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() ->
                given().queryParam("after", after).queryParam("wait", 20).get("/api/v1/changes"));
        Thread.sleep(500);
        long started = System.nanoTime();
        create("故障后").then().statusCode(201);
        Response batch = poll.get();
        batch.then().statusCode(200).body("events[0].data.name", equalTo("故障后"));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "the long poll answered late");
    }

    @Test
    void killedPostmasterIsRestartedWithItsData() {
        EmbeddedDatabase database = database();
        String location = create("杀前").then().statusCode(201).extract().header("Location");
        long pid = database.postmasterPid().orElseThrow();

        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly(), "SIGKILL the postmaster");

        awaitStatus(() -> given().get(location), 200, Duration.ofSeconds(60));
        given().get(location).then().statusCode(200).body("name", equalTo("杀前"));
        long restarted = database.postmasterPid().orElseThrow();
        assertNotEquals(pid, restarted, "a new postmaster runs");
        create("杀后").then().statusCode(201);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Polls until the status comes; every answer on the way must be the 503 problem, never a 500. */
    static void awaitStatus(Supplier<Response> request, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            Response response = request.get();
            last = response.statusCode();
            if (last == status) {
                return;
            }
            assertFalse(last >= 500 && last != 503, "answered " + last + " while recovering: " + response.asString());
            if (last == 503) {
                assertUnavailable(response);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertEquals(status, last, "no recovery within " + timeout);
    }
}
