package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** API keys and roles: public reads, editor writes, admin paths, 401/403 problems, the forwarded actor. */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class SecurityTest {

    @Test
    void readsArePublicAndCarryNoActor() {
        given().header("X-Beian-Actor", "forged").get("/api/v1/filings").then().statusCode(200)
                .body("actor", nullValue());
    }

    @Test
    void writeWithoutKeyIs401ProblemWithChallenge() {
        given().header("X-Request-Id", "auth-1").contentType("application/json").body("{}")
                .post("/api/v1/filings").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"beian\""))
                .body("type", equalTo("https://beian.dev/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("detail", containsString("editor"))
                .body("instance", equalTo("/api/v1/filings"))
                .body("requestId", equalTo("auth-1"));
    }

    @Test
    void unknownKeyIs401EvenForAPublicRead() {
        given().header("Authorization", "Bearer not-a-key").get("/api/v1/filings").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        given().header("X-API-Key", "not-a-key").get("/api/v1/filings").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/filings").then().statusCode(401);
    }

    @Test
    void readerKeyCannotWrite() {
        given().header("Authorization", "Bearer " + StandInBackends.READER_KEY).contentType("application/json")
                .body("{}").post("/api/v1/filings").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://beian.dev/problems/forbidden"))
                .body("detail", containsString("ci-reader"));
    }

    @Test
    void editorKeyWritesAndTheBackendSeesTheActorButNeverTheKey() {
        given().header("Authorization", "Bearer " + StandInBackends.EDITOR_KEY).header("X-Beian-Actor", "forged")
                .contentType("application/json").body("{}").post("/api/v1/filings").then().statusCode(200)
                .body("actor", equalTo("ci-editor"))
                .body("authorization", nullValue())
                .body("apiKey", nullValue());
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).delete("/api/v1/filings/1").then().statusCode(200)
                .body("method", equalTo("DELETE"))
                .body("actor", equalTo("ci-editor"));
    }

    @Test
    void adminPathsNeedAdminForEveryMethod() {
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).post("/api/v1/insights/admin/rebuild").then()
                .statusCode(403).body("detail", containsString("admin"));
        given().get("/api/v1/insights/admin/status").then().statusCode(401);
        given().header("X-API-Key", StandInBackends.READER_KEY).get("/api/v1/admin/keys").then().statusCode(403);
        given().header("X-API-Key", StandInBackends.ADMIN_KEY).post("/api/v1/insights/admin/rebuild").then()
                .statusCode(200).body("backend", equalTo("insights")).body("actor", equalTo("ops-admin"));
    }

    @Test
    void webhookSubscriptionsNeedAnEditorEvenToRead() {
        given().get("/api/v1/webhooks").then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", StandInBackends.READER_KEY).get("/api/v1/webhooks/1/deliveries").then().statusCode(403);
        given().header("X-API-Key", StandInBackends.EDITOR_KEY).get("/api/v1/webhooks").then().statusCode(200)
                .body("backend", equalTo("registry")).body("actor", equalTo("ci-editor"));
    }

    @Test
    void pathSpellingsThatDodgeTheRulesAreRefused() {
        for (String path : new String[] {"/api/v1/filings/../admin/keys", "/api/v1/%61dmin/keys",
                "/api/v1/admin;x=1/keys", "/api/v1/insights/%2e%2e/admin/keys"}) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://beian.dev/problems/non-canonical-path"));
        }
    }
}
