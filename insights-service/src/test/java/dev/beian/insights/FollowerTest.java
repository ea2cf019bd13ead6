package dev.beian.insights;

import dev.beian.insights.follow.ChangeBatch;
import dev.beian.insights.follow.ChangeFeedClient;
import dev.beian.insights.follow.FeedException;
import dev.beian.insights.domain.Watermark;
import dev.beian.insights.follow.ChangeApplier;
import dev.beian.insights.follow.FollowerLease;
import dev.beian.insights.follow.FollowerStatus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follower: idempotence, rebuild equality, resuming from the stored cursor, registry downtime, and with
 * several replicas only the holder of the follower lock applying.
 */
@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class FollowerTest extends FeedDrivenTest {

    private static final List<String> ENDPOINTS = List.of("summary", "summary?asOf=2024-06-30", "categories",
            "categories?kind=REGISTRATION&jurisdiction=CN-GD", "regions", "regions?asOf=2024-09-30",
            "trends?from=2024-01-01&to=2024-12-31", "trends?bucket=quarter&mode=cumulative&from=2024-01-01&to=2024-12-31",
            "organizations", "matrix", "matrix?asOf=2024-03-31", "lineage", "weights", "coverage");

    @Inject
    FollowerStatus status;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeFeedClient feed;

    @Inject
    ChangeApplier applier;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @AfterEach
    void stopBackgroundFollower() {
        follower.stop();
        registry().start();
    }

    @Test
    void rebuildReplaysToTheSameNumbersAndTables() throws Exception {
        load(KnownFeed.events());
        Map<String, Object> before = allAnswers();
        Map<String, List<String>> tables = derivedTables();

        given().post("/api/v1/insights/admin/rebuild").then().statusCode(202)
                .body("status", equalTo("replaying"))
                .body("watermark.cursor", equalTo(null));
        assertEquals(0, get("/api/v1/insights/summary").getInt("total"));
        follower.catchUp();

        assertEquals(before, allAnswers());
        assertEquals(tables, derivedTables());
    }

    @Test
    void duplicateAndStaleEventsChangeNothing() throws Exception {
        load(KnownFeed.events());
        Map<String, Object> clean = allAnswers();

        // The same history with every event delivered twice, plus older versions replayed at the end.
        List<JsonObject> noisy = new ArrayList<>();
        for (JsonObject event : KnownFeed.events()) {
            noisy.add(event);
            noisy.add(event.copy());
        }
        noisy.add(Events.filing(KnownFeed.F2).org(1, "阿尔法智能", null).jurisdiction("CN-BJ").date("2024-02-20")
                .categories("TEXT").weights("CLOSED").version(0).created());
        noisy.add(Events.filing(KnownFeed.F5).org(3, "伽马科技有限公司", "Gamma Tech").jurisdiction("SASAC")
                .date("2024-07-01").categories("AUDIO").version(0).updated());
        load(noisy);

        assertEquals(clean, allAnswers());
    }

    @Test
    void resumesFromTheStoredCursorAfterARestart() throws Exception {
        List<JsonObject> events = KnownFeed.events();
        registry().replace(events);
        rebuilds.rebuild();
        registry().maxBatch(5);
        assertEquals(5, follower.poll(0));
        assertEquals(5, follower.poll(0));
        String stored = status.watermark().cursor();
        assertEquals(10, status.watermark().eventsApplied());

        // A restart loses everything in memory; the follower resumes from the cursor stored with the data.
        status.resetTo(Watermark.START);
        follower.reloadWatermark();
        assertEquals(stored, status.watermark().cursor());
        follower.catchUp();

        assertEquals(stored, registry().requestedAfter().get(2));
        assertEquals(events.size(), status.watermark().eventsApplied());
        assertEquals(10, get("/api/v1/insights/summary").getInt("total"));
    }

    @Test
    void catchesUpAfterTheRegistryWasDown() throws Exception {
        load(CacRows.events());
        registry().stop();
        follower.start();
        await("the follower notices the registry is down", () -> !status.registryReachable()
                && status.lastError() != null);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'change-feed-follower' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'change-feed-follower' }.data.registryReachable", equalTo(false));

        // While the registry is down, new filings are made there; the follower gets them once it is back.
        registry().append(List.of(
                Events.filing(9001).jurisdiction("CN-GD").date("2025-01-02").categories("IMAGE").created(),
                Events.filing(9002).jurisdiction("CN-GD").date("2025-01-03").categories("IMAGE").created()));
        registry().start();
        await("the follower catches up", () -> get("/api/v1/insights/summary").getInt("total") == 51);

        assertEquals(2, get("/api/v1/insights/regions").getInt("jurisdictions.find { it.code == 'CN-GD' }.count"));
        await("the follower reports it is caught up", () -> status.registryReachable() && status.caughtUp());
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertEquals(0, health.getInt("checks.find { it.name == 'change-feed-follower' }.data.lagSeconds"));
        assertEquals(registry().lastCursor(), health.getString("checks.find { it.name == 'change-feed-follower' }.data.cursor"));

        // A new event reaches insights through the long-poll, without waiting out its 20 seconds.
        registry().append(List.of(Events.filing(9003).jurisdiction("CN-GD").date("2025-01-04").created()));
        await("a new event arrives over the long-poll", () -> get("/api/v1/insights/summary").getInt("total") == 52);
    }

    @Test
    void aCursorTheRegistryRejectsIsReportedNotSkipped() throws Exception {
        load(CacRows.events());
        String cursor = status.watermark().cursor();
        registry().replace(List.of()); // a registry whose history was reset: our cursor is unknown to it
        FeedException rejected = assertThrows(FeedException.class, () -> follower.catchUp());
        assertTrue(rejected.reachable());
        assertTrue(rejected.getMessage().contains("400"), rejected.getMessage());
        assertEquals(cursor, status.watermark().cursor());
        assertEquals(49, get("/api/v1/insights/summary").getInt("total"));
    }

    @Test
    void aRebuildDuringFollowingStartsOverCleanly() throws Exception {
        load(KnownFeed.events());
        Map<String, Object> expected = allAnswers();
        follower.start();
        given().post("/api/v1/insights/admin/rebuild").then().statusCode(202);
        await("the background follower replays the feed", () -> status.caughtUp()
                && KnownFeed.events().size() == status.watermark().eventsApplied());
        assertEquals(expected, allAnswers());
        assertNotEquals(0, status.watermark().generation());
    }

    @Test
    void onlyTheReplicaHoldingTheFollowerLockAppliesAndAStandbyTakesOver() throws Exception {
        load(CacRows.events());
        FollowerLease otherReplica = new FollowerLease(url, user, password);
        try {
            assertTrue(otherReplica.acquireOrCheck());
            follower.start();
            registry().append(List.of(Events.filing(9101).jurisdiction("CN-GD").date("2025-01-02").created()));
            Thread.sleep(1500); // several lease checks (200 ms in tests): this replica stays a standby
            assertFalse(status.active());
            assertEquals(49, get("/api/v1/insights/summary").getInt("total"));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'change-feed-follower' }.data.role", equalTo("standby"))
                    .body("checks.find { it.name == 'change-feed-follower' }.data.activeFollower", equalTo(false));
            assertTrue(metrics().contains("beian_insights_follower_active 0.0"), metrics());

            otherReplica.release(); // the other replica is gone: its lock goes with its session
            await("this replica takes over and applies", () -> status.active()
                    && get("/api/v1/insights/summary").getInt("total") == 50);
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'change-feed-follower' }.data.role", equalTo("active"));
            assertTrue(metrics().contains("beian_insights_follower_active 1.0"), metrics());
            assertFalse(otherReplica.acquireOrCheck(), "a second replica cannot take the lock while it is held");
        } finally {
            otherReplica.release();
        }
    }

    @Test
    void aReplicaThatLostItsLockConnectionCannotCommitABatch() throws Exception {
        load(CacRows.events());
        Watermark before = status.watermark();
        FollowerLease deposed = new FollowerLease(url, user, password);
        try {
            assertTrue(deposed.acquireOrCheck());
            // Its lock's session ends (connection cut, database failover) before it notices.
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + deposed.sessionPid() + ")");
            }
            registry().append(List.of(Events.filing(9201).jurisdiction("CN-GD").date("2025-01-02").created()));
            ChangeBatch batch = feed.fetch(before.cursor(), 100, 0);
            assertEquals(1, batch.events().size());
            assertThrows(ChangeApplier.Deposed.class, () -> applier.apply(before.cursor(), batch, deposed::holdsIn));
            assertEquals(49, get("/api/v1/insights/summary").getInt("total"));
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT feed_cursor, events_applied FROM follower_state")) {
                rs.next();
                assertEquals(before.cursor(), rs.getString(1), "the cursor did not move");
                assertEquals(before.eventsApplied(), rs.getLong(2));
            }
            assertFalse(deposed.acquireOrCheck(), "the lost connection is noticed at the next check");
        } finally {
            deposed.release();
        }
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private Map<String, Object> allAnswers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        ENDPOINTS.forEach(path -> answers.put(path, numbers("/api/v1/insights/" + path)));
        return answers;
    }

    /** Every derived table, row by row in a stable order. */
    private Map<String, List<String>> derivedTables() throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("counter_node", "organization_stats", "organization_category",
                    "organization_day", "lineage_stats", "filing_projection", "deployment_projection",
                    "organization_projection")) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
