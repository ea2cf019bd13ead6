package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The follower's lag in readiness details and as Prometheus metrics. */
@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class HealthAndMetricsTest extends FeedDrivenTest {

    @Test
    void readinessReportsTheFollowerAndStaysUp() throws Exception {
        load(CacRows.events());
        String check = "checks.find { it.name == 'change-feed-follower' }";
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(check + ".status", equalTo("UP"))
                .body(check + ".data.caughtUp", equalTo(true))
                .body(check + ".data.registryReachable", equalTo(true))
                .body(check + ".data.eventsBehind", equalTo("0"))
                .body(check + ".data.lagSeconds", equalTo(0))
                .body(check + ".data.eventsApplied", equalTo(49))
                .body(check + ".data.cursor", equalTo(registry().lastCursor()));
    }

    @Test
    void metricsExposeLagAndProgress() throws Exception {
        load(CacRows.events());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("beian_insights_lag_seconds 0.0"))
                .body(containsString("beian_insights_caught_up 1.0"))
                .body(containsString("beian_insights_registry_reachable 1.0"))
                .body(containsString("beian_insights_events_total 49.0"))
                .body(containsString("beian_insights_events_applied_total"))
                .body(containsString("beian_insights_batch_apply_seconds_count"))
                .body(containsString("beian_insights_event_age_seconds"));
    }
}
