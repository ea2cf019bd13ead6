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
            // Signed: the commit's NOTIFY often wakes the dispatcher before the client has read the 201, so a
            // delivery may arrive before the answer (negative); the second figure counts from sending the write.
            double[] afterAnswer = new double[writes];
            double[] afterRequest = new double[writes];
            for (int i = 0; i < writes; i++) {
                long sent = System.nanoTime();
                WebhookTest.createFiling("Beijing", marker, i);
                long answered = System.nanoTime();
                String tag = marker + i + "-";
                WebhookReceiver.Received got = receiver.await(tag, r -> !r.isEmpty(), Duration.ofSeconds(60)).get(0);
                afterAnswer[i] = (got.receivedNanos() - answered) / 1e6;
                afterRequest[i] = (got.receivedNanos() - sent) / 1e6;
            }
            given().delete("/api/v1/webhooks/" + id).then().statusCode(204);
            System.out.println("WEBHOOK LATENCY over " + writes + " writes, one at a time:");
            report("201 answer -> receiver", afterAnswer);
            report("write sent -> receiver", afterRequest);
            assertEquals(writes, afterAnswer.length);
        }
    }

    private static void report(String what, double[] millis) {
        Arrays.sort(millis);
        int n = millis.length;
        System.out.printf("  %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                millis[n / 2], millis[n * 9 / 10], millis[Math.min(n - 1, n * 99 / 100)], millis[n - 1]);
    }
}
