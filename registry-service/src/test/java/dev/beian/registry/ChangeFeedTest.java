package dev.beian.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ChangeFeedTest {

    @Inject
    AgroalDataSource dataSource;

    /** Reads the feed the way a follower does, from a cursor, collecting every event. */
    static final class Follower implements Runnable {
        final List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean stop = new AtomicBoolean();
        volatile String cursor;

        Follower(String cursor) {
            this.cursor = cursor;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                drainOnce(1);
            }
        }

        int drainOnce(int waitSeconds) {
            var request = given().queryParam("limit", 50).queryParam("wait", waitSeconds);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> batch = page.getList("events");
            events.addAll(batch);
            cursor = page.getString("nextCursor");
            return batch.size();
        }
    }

    static String headCursor() {
        String cursor = null;
        while (true) {
            var request = given().queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            if (page.getList("events").isEmpty()) {
                return page.getString("nextCursor");
            }
            cursor = page.getString("nextCursor");
        }
    }

    @Test
    void concurrentWritersAndAFollowerSeeEveryEventExactlyOnce() throws Exception {
        Follower follower = new Follower(headCursor());
        ExecutorService pool = Executors.newFixedThreadPool(7);
        Future<?> following = pool.submit(follower);
        List<Future<List<Long>>> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Map<String, Object> body = Map.of("kind", "FILING", "name", "并发" + writer + "-" + i,
                            "organizationName", "并发测试公司" + writer,
                            "filingNumber", "Beijing-Feed" + writer + "x" + i + "-" + System.nanoTime());
                    ids.add(given().contentType(ContentType.JSON).body(body).post("/api/v1/filings")
                            .then().statusCode(201).extract().jsonPath().getLong("id"));
                }
                return ids;
            }));
        }
        Set<Long> created = new HashSet<>();
        for (Future<List<Long>> writer : writers) {
            created.addAll(writer.get(120, TimeUnit.SECONDS));
        }
        follower.stop.set(true);
        following.get(30, TimeUnit.SECONDS);
        while (follower.drainOnce(0) > 0) {
            // catch up with what committed after the follower stopped
        }
        pool.shutdown();

        Map<Long, Integer> seen = new HashMap<>();
        for (Map<String, Object> event : follower.events) {
            if ("filing.created".equals(event.get("type"))) {
                seen.merge(((Number) event.get("entityId")).longValue(), 1, Integer::sum);
            }
        }
        assertEquals(120, created.size());
        assertTrue(seen.keySet().containsAll(created), "every created filing's event was delivered");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "no event was delivered twice");
    }

    @Test
    void anEventCommittedLateIsNotSkipped() throws Exception {
        Follower follower = new Follower(headCursor());
        try (Connection slow = dataSource.getConnection(); Statement sql = slow.createStatement()) {
            slow.setAutoCommit(false);
            // This transaction takes its sequence number first but commits after a later one.
            sql.execute("INSERT INTO change_event (type, entity_id, data) VALUES ('test.slow', -1, '{}')");
            given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "FILING", "name", "后提交", "organizationName", "后提交测试公司"))
                    .post("/api/v1/filings").then().statusCode(201);
            follower.drainOnce(0);
            assertTrue(follower.events.isEmpty(), "nothing is served while an earlier transaction may still commit");
            slow.commit();
        }
        while (follower.drainOnce(1) > 0) {
            // drain
        }
        List<Object> types = follower.events.stream().map(e -> e.get("type")).toList();
        assertEquals("test.slow", types.get(0));
        assertTrue(types.contains("filing.created"));
    }

    @Test
    void longPollAnswersSoonAfterACommit() {
        String cursor = headCursor();
        long start = System.nanoTime();
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "FILING", "name", "长轮询", "organizationName", "长轮询测试公司"))
                    .post("/api/v1/filings");
        }).start();
        given().queryParam("after", cursor).queryParam("wait", 10).get("/api/v1/changes")
                .then().statusCode(200).body("events.find { it.type == 'filing.created' }.data.name", equalTo("长轮询"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5000, "long poll answered after " + millis + " ms, not at its 10 s timeout");
    }

    @Test
    void invalidFeedParametersAreProblems() {
        given().get("/api/v1/changes?after=nonsense").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().get("/api/v1/changes?wait=31").then().statusCode(400).body("errors[0].field", equalTo("wait"));
        given().get("/api/v1/changes?limit=1001").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
