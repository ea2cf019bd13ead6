package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Rate limits per key (and per address without one), with the RateLimit headers on every answer. */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class RateLimitTest {

    /** Anonymous calls see their budget; limiting per address is exercised by {@link RateLimitReplicasTest}. */
    @Test
    void anonymousCallsSeeTheirBudget() {
        given().get("/api/v1/filings").then().statusCode(200)
                .header("RateLimit-Limit", "100000")
                .header("RateLimit-Remaining", matchesPattern("[1-9]\\d*"))
                .header("RateLimit-Reset", matchesPattern("\\d+"))
                .header("RateLimit-Policy", "100000;w=60");
    }

    @Test
    void keyThatUsedUpItsLimitGets429ProblemWithRetryAfterAndHeadersOnEveryAnswer() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-API-Key", StandInBackends.LIMITED_KEY).get("/api/v1/filings").then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
        }
        given().header("X-API-Key", StandInBackends.LIMITED_KEY).get("/api/v1/filings").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://beian.dev/problems/rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("3 requests per 60 s"));
        // Refusals carry the headers too, and count against the same budget.
        given().header("X-API-Key", StandInBackends.LIMITED_KEY).contentType("application/json").body("{}")
                .post("/api/v1/filings").then().statusCode(429).header("RateLimit-Remaining", "0");
        // Another caller is not affected.
        given().header("X-API-Key", StandInBackends.READER_KEY).get("/api/v1/filings").then().statusCode(200);
    }
}
