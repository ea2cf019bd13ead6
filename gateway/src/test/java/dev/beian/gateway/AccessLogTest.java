package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One access log line per request, with the request id and the key's name, never the key. */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class AccessLogTest {

    private final Logger accessLog = Logger.getLogger("io.quarkus.http.access-log");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        accessLog.addHandler(capture);
    }

    @AfterEach
    void release() {
        accessLog.removeHandler(capture);
    }

    @Test
    void accessLogLineHasRequestIdAndActorButNotTheKey() throws Exception {
        given().header("X-Request-Id", "log-42").header("Authorization", "Bearer " + StandInBackends.EDITOR_KEY)
                .contentType("application/json").body("{}").post("/api/v1/filings").then().statusCode(200);
        given().header("X-Request-Id", "log-43").get("/api/v1/nothing-here/../x").then().statusCode(400);
        BackendFailureTest.waitUntil(() -> lines.stream().anyMatch(l -> l.contains("rid=log-43")));
        String line = lines.stream().filter(l -> l.contains("rid=log-42")).findFirst().orElseThrow();
        assertTrue(line.contains("\"POST /api/v1/filings HTTP/1.1\" 200"), line);
        assertTrue(line.contains("actor=ci-editor"), line);
        assertFalse(lines.stream().anyMatch(l -> l.contains(StandInBackends.EDITOR_KEY)), "the key is never logged");
    }
}
