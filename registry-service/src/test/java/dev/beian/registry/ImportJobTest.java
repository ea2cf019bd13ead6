package dev.beian.registry;

import dev.beian.registry.service.ImportJobs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports as jobs: Prefer: respond-async, a job resource with progress, then the report or the problem. */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ImportJobTest {

    private static final int ROWS = 3_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportJobs jobs;

    private static String csv(String tag, int rows) {
        StringBuilder csv = new StringBuilder("name,organization,filingNumber,filingDate,kind\n");
        for (int i = 0; i < rows; i++) {
            csv.append("作业模型").append(i).append(",作业公司").append(tag).append(i % 7).append(",Beijing-Job").append(tag)
                    .append(i).append("-20240101,2024-01-01,FILING\n");
        }
        return csv.toString();
    }

    private static Response post(String body, String query, Map<String, String> headers) {
        return given().contentType("text/csv").headers(headers).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import" + query);
    }

    /** Polls the job until it is finished; returns it. Every answer on the way is a 200 with a known state. */
    private static JsonPath awaitFinished(String location, Set<String> stagesSeen) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            Response response = given().get(location);
            response.then().statusCode(200).body("state", matchesPattern("QUEUED|RUNNING|SUCCEEDED|FAILED"));
            JsonPath job = response.jsonPath();
            stagesSeen.add(job.getString("stage"));
            String state = job.getString("state");
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return job;
            }
            response.then().header("Retry-After", equalTo("1"));
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish in time");
    }

    private long filingsOf(String tag) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM filing WHERE filing_number LIKE ?")) {
            ps.setString(1, "Beijing-Job" + tag + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void asyncImportReportsProgressThenTheSameReportAsTheSynchronousOne() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String body = csv(tag, ROWS);
        JsonPath dryRun = post(body, "?dryRun=true", Map.of()).then().statusCode(200).extract().jsonPath();
        assertEquals(ROWS, dryRun.getInt("created"));

        String key = "job-" + tag;
        Response accepted = post(body, "", Map.of("Prefer", "respond-async", "Idempotency-Key", key));
        accepted.then().statusCode(202).header("Preference-Applied", equalTo("respond-async"))
                .header("Location", matchesPattern(".*/api/v1/imports/\\d+"))
                .body("rowsReceived", equalTo(ROWS)).body("state", equalTo("QUEUED"));
        String location = accepted.header("Location");

        Set<String> stages = new HashSet<>();
        JsonPath job = awaitFinished(location, stages);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("done", job.getString("stage"));
        assertEquals(ROWS, job.getInt("rowsChecked"));
        assertEquals(ROWS, job.getInt("rowsWritten"));
        Map<String, Object> report = job.getMap("report");
        Map<String, Object> expected = new java.util.HashMap<>(dryRun.getMap(""));
        expected.put("dryRun", false);
        assertEquals(expected, report, "the job's report is the synchronous import's");
        assertEquals(ROWS, filingsOf(tag));
        given().get(location).then().statusCode(200).body("finishedAt", notNullValue())
                .header("Retry-After", org.hamcrest.Matchers.nullValue());

        // A retry with the key names the same job and starts no other.
        post(body, "", Map.of("Prefer", "respond-async", "Idempotency-Key", key)).then().statusCode(202)
                .header("Location", equalTo(location)).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(ROWS, filingsOf(tag));
        assertTrue(Set.of("queued", "checking", "matching", "writing", "committing", "done").containsAll(stages), stages.toString());
    }

    @Test
    void aRejectedAllOrNothingJobFailsWithTheProblemAndWritesNothing() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String body = csv(tag, 50) + "坏行,,Beijing-Bad" + tag + "-20240101,2024-01-01,FILING\n";
        String location = post(body, "?mode=all-or-nothing", Map.of("Prefer", "respond-async"))
                .then().statusCode(202).extract().header("Location");
        JsonPath job = awaitFinished(location, new HashSet<>());
        assertEquals("FAILED", job.getString("state"));
        assertEquals(422, job.getInt("problem.status"));
        assertEquals("row[51]", job.getString("problem.errors[0].field"));
        assertEquals(0, job.getInt("rowsWritten"));
        assertEquals(0, filingsOf(tag));
    }

    @Test
    void aJobLeftRunningByADeadProcessIsFailedAndOneWithALiveWorkerIsNot() throws Exception {
        try (Connection c = dataSource.getConnection(); Connection otherReplica = dataSource.getConnection()) {
            long abandoned = insertRunningJob(c);
            long alive = insertRunningJob(c);
            try (PreparedStatement lock = otherReplica.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                lock.setInt(1, 0x424A);
                lock.setInt(2, (int) alive);
                lock.executeQuery().close();
            }
            try {
                // What the registry runs at startup: jobs whose worker is gone are failed, nothing else.
                assertTrue(jobs.failAbandoned(null) >= 1);
                given().get("/api/v1/imports/" + abandoned).then().statusCode(200)
                        .body("state", equalTo("FAILED")).body("stage", equalTo("failed")).body("rowsWritten", equalTo(0))
                        .body("problem.type", equalTo("https://beian.dev/problems/import-interrupted"));
                given().get("/api/v1/imports/" + alive).then().statusCode(200).body("state", equalTo("RUNNING"));
            } finally {
                try (PreparedStatement unlock = otherReplica.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                    unlock.setInt(1, 0x424A);
                    unlock.setInt(2, (int) alive);
                    unlock.executeQuery().close();
                }
            }
            // Once its worker's session is gone, a reader finds it failed too, without waiting for a restart.
            given().get("/api/v1/imports/" + alive).then().statusCode(200).body("state", equalTo("FAILED"));
        }
        given().get("/api/v1/imports/987654321").then().statusCode(404).contentType("application/problem+json");
    }

    private static long insertRunningJob(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO import_job (state, stage, actor, rows_received, rows_checked, rows_written, started_at)
                VALUES ('RUNNING', 'writing', 'test', 100, 100, 40, now()) RETURNING id""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
