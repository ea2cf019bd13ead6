package dev.beian.gateway;

import dev.beian.gateway.proxy.Backends;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** CORS on the configured origin: preflights, proxied answers and the gateway's own error answers. */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class CorsTest {

    private static final String ORIGIN = StandInBackends.CORS_ORIGIN;

    @StandInBackends.Inject
    StandInBackends standIns;

    @Inject
    Backends backends;

    @Test
    void preflightFromAnAllowedOriginIsAnsweredByTheGateway() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .options("/api/v1/filings").then().statusCode(204)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", "authorization, content-type, if-match")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", containsString("Origin"));
    }

    @Test
    void preflightFromAnotherOriginIsA403Problem() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/filings/1").then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("https://beian.dev/problems/cors-origin-not-allowed"));
    }

    @Test
    void proxiedAnswersCarryCorsHeadersForAnAllowedOriginOnly() {
        given().header("Origin", ORIGIN).get("/api/v1/filings").then().statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"));
        given().header("Origin", "https://evil.example").get("/api/v1/filings").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void errorAnswersCarryCorsHeadersToo() {
        given().header("Origin", ORIGIN).contentType("application/json").body("{}").post("/api/v1/filings")
                .then().statusCode(401).header("Access-Control-Allow-Origin", ORIGIN);
        given().header("Origin", ORIGIN).urlEncodingEnabled(false).get("/api/v1/a/../b")
                .then().statusCode(400).header("Access-Control-Allow-Origin", ORIGIN);
        standIns.insights().stop();
        try {
            given().header("Origin", ORIGIN).get("/api/v1/insights/categories").then().statusCode(503)
                    .header("Access-Control-Allow-Origin", ORIGIN);
        } finally {
            standIns.insights().start();
            backends.insights().breaker().reset();
        }
    }
}
