package dev.beian.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Idempotency keys belong to their caller and are remembered for 24 hours. */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class IdempotencyScopeTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response create(String actor, String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("X-Beian-Actor", actor).header("Idempotency-Key", key)
                .body(body).post("/api/v1/filings");
    }

    private static Map<String, Object> filing(String prefix) {
        return FilingResourceTest.filing(FilingResourceTest.unique(prefix) + "-2024", "幂等" + FilingResourceTest.unique(""),
                "四川幂等科技有限公司");
    }

    @Test
    void twoCallersMayUseTheSameKeyString() {
        String key = FilingResourceTest.unique("shared-key-");
        Response alice = create("alice", key, filing("Sichuan-A"));
        alice.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        // Another caller's request with the same key string is its own request, not a 422 or alice's answer.
        Response bob = create("bob", key, filing("Sichuan-B"));
        bob.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertNotEquals(alice.jsonPath().getLong("id"), bob.jsonPath().getLong("id"));
        // Each caller's retry still gets its own first answer.
        create("bob", key, Map.of()).then().statusCode(422);
    }

    @Test
    void aKeyOlderThanADayStartsANewRequest() throws Exception {
        String key = FilingResourceTest.unique("old-key-");
        Map<String, Object> body = filing("Sichuan-O");
        long first = create("carol", key, body).then().statusCode(201).extract().jsonPath().getLong("id");
        create("carol", key, body).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = ?")) {
            s.setString(1, key);
            assertEquals(1, s.executeUpdate());
        }
        // The record expired: the same key and body run again, so the unique filing number now conflicts.
        create("carol", key, body).then().statusCode(409).header("Idempotent-Replayed", nullValue());
        given().get("/api/v1/filings/" + first).then().statusCode(200);
    }
}
