package dev.beian.registry.webhook;

import dev.beian.registry.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Delivery latency from a write's 201 to the receiver, one write at a time (a measurement, not a check; run with
 * {@code -Dbeian.bench.webhooks=true}, see the README's Webhooks section).
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
@EnabledIfSystemProperty(named = "beian.bench.webhooks", matches = "true")
class WebhookLatencyTest {

    @Test
    void latencyFromTheWritesAnswerToTheReceiver() throws Exception {
        int writes = Integer.getInteger("beian.bench.writes", 200);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long id = given().contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "events", List.of("filing.created")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
            String marker = WebhookTest.marker();
            for (int i = 0; i < 10; i++) { // warm-up: JIT, connection pools
                WebhookTest.createFiling("Beijing", marker + "w", i);
            }
            receiver.await(marker + "w", r -> r.size() == 10, Duration.ofSeconds(60));
            long[] millis = new long[writes];
            for (int i = 0; i < writes; i++) {
                WebhookTest.createFiling("Beijing", marker, i);
                long answered = System.nanoTime();
                String tag = marker + i + "-";
                WebhookReceiver.Received got = receiver.await(tag, r -> !r.isEmpty(), Duration.ofSeconds(60)).get(0);
                millis[i] = Math.max(0, (got.receivedNanos() - answered) / 1_000_000);
            }
            given().delete("/api/v1/webhooks/" + id).then().statusCode(204);
            Arrays.sort(millis);
            System.out.printf("WEBHOOK LATENCY over %d writes (201 -> receiver): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                    writes, millis[writes / 2], millis[writes * 9 / 10], millis[Math.min(writes - 1, writes * 99 / 100)],
                    millis[writes - 1]);
            assertEquals(writes, millis.length);
        }
    }
}
