package dev.beian.registry.webhook;

import dev.beian.registry.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** With the default setting, a subscription cannot point the registry at its own network (SSRF). */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
@TestProfile(WebhookTargetTest.DefaultTargets.class)
class WebhookTargetTest {

    public static class DefaultTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beian.webhooks.allow-private-targets", "false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081/api/v1/filings", "http://localhost/hook", "http://[::1]/hook",
            "http://169.254.169.254/latest/meta-data", "http://10.0.0.8/hook", "https://192.168.1.1/hook",
            "http://172.16.5.4/hook", "http://0.0.0.0/hook", "http://224.0.0.1/hook", "http://100.64.0.1/hook",
            "http://[fd00::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://2130706433/hook",
            "file:///etc/passwd", "gopher://example.com/", "http://user:pw@example.com/hook", "not a url"})
    void privateAddressesAndOtherSchemesAreRefusedWithAProblem(String url) {
        given().contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("filing.created")))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("detail", not(containsString("Exception")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://[::1]/hook"})
    void anUpdateCannotMoveASubscriptionOntoAPrivateAddress(String url) {
        // 203.0.113.0/24 is public (TEST-NET-3): it is accepted, though nothing will answer there.
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://203.0.113.7/hook", "events", List.of("filing.created"), "filter", Map.of("kind", "REGISTRATION")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            given().contentType(ContentType.JSON).body(Map.of("url", url)).patch("/api/v1/webhooks/" + id)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
            given().get("/api/v1/webhooks/" + id).then().body("url", equalTo("http://203.0.113.7/hook"));
        } finally {
            given().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }
}
