package dev.beian.registry.webhook;

import dev.beian.registry.RegistryDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class WebhookTest {

    static final Duration PATIENCE = Duration.ofSeconds(30); // a loaded machine; deliveries take milliseconds

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WebhookDispatcher dispatcher;

    WebhookReceiver receiver;
    final List<Long> subscriptions = new ArrayList<>();

    record Subscription(long id, String secret) {
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void cleanUp() {
        dispatcher.start(); // in case a test stopped it and failed before restarting it
        subscriptions.forEach(id -> given().delete("/api/v1/webhooks/" + id));
        receiver.close();
    }

    Subscription subscribe(Map<String, Object> body) {
        JsonPath created = given().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
        Subscription subscription = new Subscription(created.getLong("id"), created.getString("secret"));
        subscriptions.add(subscription.id());
        return subscription;
    }

    Subscription subscribe(List<String> events) {
        return subscribe(Map.of("url", receiver.url(), "events", events));
    }

    static String marker() {
        return "Hook" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Creates a filing whose number contains {@code marker}; returns when the registry answered 201. */
    static long createFiling(String city, String marker, int n) {
        Map<String, Object> body = new HashMap<>(Map.of("filingNumber", city + "-" + marker + n + "-2024",
                "kind", "FILING", "name", "钩子测试" + n, "organizationName", "钩子测试公司" + marker,
                "filingDate", "2024-05-13", "categories", List.of("TEXT"), "sectors", List.of("GENERAL")));
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/filings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The Standard Webhooks check, written from the spec rather than with the code under test. */
    static boolean signedBy(String secret, WebhookReceiver.Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = Base64.getEncoder().encode(
                mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        for (String signature : r.signature().split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(
                    signature.substring(3).getBytes(StandardCharsets.US_ASCII), expected)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void createShowsTheSecretOnceAndTheSubscriptionCanBeReadChangedAndDeleted() {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", List.of("filing.created"),
                        "filter", Map.of("jurisdiction", "CN-BJ", "kind", "FILING")))
                .post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/webhooks/\\d+"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]+={0,2}"))
                .body("status", equalTo("ACTIVE"))
                .body("filter.jurisdiction", equalTo("CN-BJ"))
                .extract().jsonPath();
        long id = created.getLong("id");
        subscriptions.add(id);
        assertTrue(Base64.getDecoder().decode(created.getString("secret").substring(6)).length >= 24);

        given().get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("secret", nullValue()).body("url", equalTo(receiver.url()));
        given().get("/api/v1/webhooks?limit=200").then().statusCode(200).body("items.id", hasItem((int) id))
                .body("items.secret", org.hamcrest.Matchers.everyItem(nullValue()));

        given().contentType(ContentType.JSON).body(Map.of("events", List.of("filing.created", "filing.deleted"), "status", "PAUSED"))
                .patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("events", equalTo(List.of("filing.created", "filing.deleted"))).body("status", equalTo("PAUSED"))
                .body("filter.kind", equalTo("FILING")).body("secret", nullValue());

        given().contentType(ContentType.JSON).body(Map.of("status", "FAILING")).patch("/api/v1/webhooks/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON).body(Map.of("events", List.of("filing.exploded")))
                .patch("/api/v1/webhooks/" + id).then().statusCode(400).body("errors[0].field", equalTo("events"));
        given().contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "events", List.of("filing.created"),
                        "filter", Map.of("jurisdiction", "CN-XX", "kind", "OTHER")))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("filter.jurisdiction", "filter.kind"));
        given().contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "events", List.of()))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com/x", "events", List.of("filing.created")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));

        given().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().get("/api/v1/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/webhooks/" + id).then().statusCode(404);
        given().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(404);
    }

    @Test
    void deliversSignedEventsInFeedOrderWithStableIds() throws Exception {
        Subscription subscription = subscribe(List.of("filing.created", "filing.deleted"));
        String marker = marker();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(createFiling("Beijing", marker, i));
        }
        given().delete("/api/v1/filings/" + ids.get(0)).then().statusCode(204);

        List<WebhookReceiver.Received> got = receiver.await(marker, r -> r.size() >= 9, PATIENCE);
        assertEquals(9, got.size());
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 9; i++) {
            WebhookReceiver.Received r = got.get(i);
            assertTrue(signedBy(subscription.secret(), r), "signature of delivery " + i);
            assertTrue(r.id().matches("msg_\\d+_" + subscription.id()), r.id());
            assertTrue(Math.abs(now - Long.parseLong(r.timestamp())) < 120, "timestamp is Unix seconds, now");
            JsonPath body = new JsonPath(r.body());
            if (i < 8) {
                assertEquals("filing.created", body.getString("type"));
                assertEquals(ids.get(i).longValue(), body.getLong("entityId"), "feed order");
                assertEquals("Beijing-" + marker + i + "-2024", body.getString("data.filingNumber"));
            } else {
                assertEquals("filing.deleted", body.getString("type"));
            }
            assertTrue(body.getString("cursor") != null && body.getString("occurredAt") != null);
        }
        assertEquals(9, got.stream().map(WebhookReceiver.Received::id).distinct().count());

        given().get("/api/v1/webhooks/" + subscription.id() + "/deliveries").then().statusCode(200)
                .body("items[0].succeeded", equalTo(true)).body("items[0].statusCode", equalTo(200))
                .body("items[0].responseExcerpt", equalTo("ok")).body("items[0].attempt", equalTo(1));
    }

    @Test
    void filtersAndEventTypesAreHonoured() throws Exception {
        subscribe(Map.of("url", receiver.url(), "events", List.of("filing.created"),
                "filter", Map.of("jurisdiction", "CN-SH", "category", "TEXT")));
        String marker = marker();
        createFiling("Beijing", marker, 1);
        long shanghai = createFiling("Shanghai", marker, 2);
        given().delete("/api/v1/filings/" + shanghai).then().statusCode(204); // filing.deleted: not asked for
        createFiling("Shanghai", marker, 3);

        List<WebhookReceiver.Received> got = receiver.await(marker, r -> r.size() >= 2, PATIENCE);
        Thread.sleep(1000); // anything wrongly delivered would come in order, before the last one
        got = receiver.with(marker);
        assertEquals(List.of("Shanghai-" + marker + "2-2024", "Shanghai-" + marker + "3-2024"),
                got.stream().map(r -> new JsonPath(r.body()).getString("data.filingNumber")).toList());
    }

    @Test
    void retriesAfterErrorAnswersWithTheSameIdAndLogsEachAttempt() throws Exception {
        Subscription subscription = subscribe(List.of("filing.created"));
        receiver.failNext.set(2);
        String marker = marker();
        createFiling("Beijing", marker, 1);
        createFiling("Beijing", marker, 2);

        List<WebhookReceiver.Received> got = receiver.await(marker, r -> r.size() >= 4, PATIENCE);
        assertEquals(got.get(0).id(), got.get(1).id(), "a retry keeps the webhook-id");
        assertEquals(got.get(0).id(), got.get(2).id());
        assertTrue(got.get(2).body().contains(marker + "1-"), "the first event until it succeeds: order holds");
        assertTrue(got.get(3).body().contains(marker + "2-"));

        awaitLog(subscription.id(), page -> page.getList("items").size() == 4); // logged just after the answer
        JsonPath log = given().get("/api/v1/webhooks/" + subscription.id() + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        // newest first: the second event, then the third, second and first attempt at the first event
        assertEquals(List.of(1, 3, 2, 1), log.getList("items.attempt"));
        assertEquals(List.of(true, true, false, false), log.getList("items.succeeded"));
        assertEquals(500, log.getInt("items[3].statusCode"));
        assertEquals("receiver trouble", log.getString("items[3].responseExcerpt"));
    }

    @Test
    void aReceiverThatIsDownGetsTheEventOnceItIsBack() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Subscription subscription = subscribe(Map.of("url", "http://127.0.0.1:" + closedPort + "/hook",
                "events", List.of("filing.created")));
        String marker = marker();
        createFiling("Beijing", marker, 1);
        awaitLog(subscription.id(), log -> !log.getList("items").isEmpty());
        given().get("/api/v1/webhooks/" + subscription.id() + "/deliveries").then()
                .body("items[0].succeeded", equalTo(false)).body("items[0].statusCode", nullValue())
                .body("items[0].error", notNullValue());

        given().contentType(ContentType.JSON).body(Map.of("url", receiver.url())).patch("/api/v1/webhooks/" + subscription.id())
                .then().statusCode(200);
        List<WebhookReceiver.Received> got = receiver.await(marker, r -> r.size() >= 1, PATIENCE);
        assertTrue(signedBy(subscription.secret(), got.get(0)));
    }

    @Test
    void afterTheLastRetryTheSubscriptionIsFailingAndPausedUntilResumed() throws Exception {
        Subscription subscription = subscribe(List.of("filing.created"));
        receiver.alwaysFail = true;
        String marker = marker();
        createFiling("Beijing", marker, 1);
        // 1 attempt + 3 retries (the test schedule), then failing
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!given().get("/api/v1/webhooks/" + subscription.id()).jsonPath().getString("status").equals("FAILING")) {
            assertTrue(System.nanoTime() < deadline, "subscription never marked failing");
            Thread.sleep(100);
        }
        assertEquals(4, receiver.with(marker).size());
        createFiling("Beijing", marker, 2);
        Thread.sleep(1500);
        assertEquals(4, receiver.with(marker).size(), "a failing subscription is paused");

        // Redelivery of a logged attempt works while failing, and keeps the webhook-id.
        long lastAttempt = given().get("/api/v1/webhooks/" + subscription.id() + "/deliveries").jsonPath().getLong("items[0].id");
        receiver.alwaysFail = false;
        given().post("/api/v1/webhooks/" + subscription.id() + "/deliveries/" + lastAttempt + "/redeliver")
                .then().statusCode(200).body("redelivery", equalTo(true)).body("succeeded", equalTo(true));
        assertEquals(5, receiver.with(marker).size());
        assertEquals(receiver.with(marker).get(0).id(), receiver.with(marker).get(4).id());
        given().post("/api/v1/webhooks/" + subscription.id() + "/deliveries/999999999/redeliver")
                .then().statusCode(404).contentType("application/problem+json");

        given().contentType(ContentType.JSON).body(Map.of("status", "ACTIVE")).patch("/api/v1/webhooks/" + subscription.id())
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("failedAttempts", equalTo(0));
        // resumed from its cursor: the first event again (its delivery never counted), then the second
        List<WebhookReceiver.Received> got = receiver.await(marker, r -> r.size() >= 7, PATIENCE);
        assertTrue(got.get(5).body().contains(marker + "1-"));
        assertTrue(got.get(6).body().contains(marker + "2-"));
    }

    @Test
    void afterRotationBothSecretsSignUntilTheOverlapEnds() throws Exception {
        Subscription subscription = subscribe(List.of("filing.created"));
        String rotated = given().post("/api/v1/webhooks/" + subscription.id() + "/rotate-secret").then().statusCode(200)
                .body("previousSecretExpiresAt", notNullValue()).extract().jsonPath().getString("secret");
        assertTrue(rotated.startsWith("whsec_") && !rotated.equals(subscription.secret()));
        given().get("/api/v1/webhooks/" + subscription.id()).then().body("secret", nullValue());

        String marker = marker();
        createFiling("Beijing", marker, 1);
        WebhookReceiver.Received r = receiver.await(marker, got -> !got.isEmpty(), PATIENCE).get(0);
        String[] signatures = r.signature().split(" ");
        assertEquals(2, signatures.length);
        assertTrue(signedBy(rotated, r));
        assertTrue(signedBy(subscription.secret(), r));
        assertTrue(!signedBy(WebhookSignatures.newSecret(), r), "a wrong secret does not verify");
    }

    @Test
    void deletionStopsDeliveries() throws Exception {
        Subscription subscription = subscribe(List.of("filing.created"));
        String marker = marker();
        createFiling("Beijing", marker, 1);
        receiver.await(marker, r -> r.size() == 1, PATIENCE);
        given().delete("/api/v1/webhooks/" + subscription.id()).then().statusCode(204);
        createFiling("Beijing", marker, 2);
        Thread.sleep(2000);
        assertEquals(1, receiver.with(marker).size());
    }

    /**
     * A restart, simulated by stopping the dispatcher (its threads and in-memory state go, as in a crash) and
     * starting it again: the cursor in the database is all that survives, and delivery resumes from it.
     */
    @Test
    void noEventIsLostWhenTheDispatcherStopsAndStartsAgain() throws Exception {
        Subscription subscription = subscribe(List.of("filing.created"));
        String marker = marker();
        createFiling("Beijing", marker, 0);
        String delivered = new JsonPath(receiver.await(marker, r -> r.size() == 1, PATIENCE).get(0).body()).getString("cursor");
        String[] position = new String(Base64.getUrlDecoder().decode(delivered), StandardCharsets.US_ASCII).split(":");
        long[] before = {Long.parseLong(position[0]), Long.parseLong(position[1])};
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!java.util.Arrays.equals(before, cursor(subscription.id()))) { // stored just after the 2xx
            assertTrue(System.nanoTime() < deadline, "cursor never stored");
            Thread.sleep(20);
        }

        dispatcher.stop();
        for (int i = 1; i <= 3; i++) {
            createFiling("Beijing", marker, i);
        }
        Thread.sleep(1000);
        assertEquals(1, receiver.with(marker).size(), "nothing is delivered while stopped");
        assertEquals(before[0], cursor(subscription.id())[0], "the stored cursor stays at the last delivered event");
        assertEquals(before[1], cursor(subscription.id())[1]);

        dispatcher.start();
        List<WebhookReceiver.Received> got = receiver.await(marker, r -> r.size() >= 4, PATIENCE);
        assertEquals(4, got.size(), "the delivered event is not sent again, the others once each");
        for (int i = 0; i < 4; i++) {
            assertTrue(got.get(i).body().contains(marker + i + "-"), "in order after the restart");
        }
        long[] after = cursor(subscription.id());
        assertTrue(after[0] > before[0] || after[1] > before[1], "the cursor moved on");
    }

    long[] cursor(long id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT cursor_txid, cursor_seq FROM webhook_subscription WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    static void awaitLog(long id, java.util.function.Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(given().get("/api/v1/webhooks/" + id + "/deliveries").jsonPath())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("delivery log of webhook " + id + " never showed what was expected");
    }
}
