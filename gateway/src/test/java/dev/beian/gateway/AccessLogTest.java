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

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL gateway;

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

    @Test
    void secretsInTheQueryAreMaskedInTheAccessLog() throws Exception {
        given().header("X-Request-Id", "log-44")
                .get("/api/v1/filings?api_key=sekrit-1&q=x&TOKEN=sekrit-2&access_token=sekrit-3&key=sekrit-4&keyword=kept")
                .then().statusCode(200);
        BackendFailureTest.waitUntil(() -> lines.stream().anyMatch(l -> l.contains("rid=log-44")));
        String line = lines.stream().filter(l -> l.contains("rid=log-44")).findFirst().orElseThrow();
        assertTrue(line.contains("\"GET /api/v1/filings?api_key=***&q=x&TOKEN=***&access_token=***&key=***&keyword=kept"
                + " HTTP/1.1\" 200"), line);
        assertFalse(line.contains("sekrit"), line);
    }

    @Test
    void requestsRefusedForTheirTargetAreLoggedWithTheirId() throws Exception {
        RawHttp.send(gateway, "GET /api/v1/filings?q=文&cursor=%%% HTTP/1.1\r\nHost: x\r\nX-Request-Id: log-45\r\n"
                + "Connection: close\r\n\r\n");
        BackendFailureTest.waitUntil(() -> lines.stream().anyMatch(l -> l.contains("rid=log-45")));
        String line = lines.stream().filter(l -> l.contains("rid=log-45")).findFirst().orElseThrow();
        assertTrue(line.contains("\"GET /api/v1/filings?q=%E6%96%87&cursor=%%% HTTP/1.1\" 400"), line);
    }
}
