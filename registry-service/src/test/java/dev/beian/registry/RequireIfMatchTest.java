package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With beian.registry.require-if-match on, an unconditional PUT, PATCH or DELETE is a 428 that changes nothing. */
@QuarkusTest
@TestProfile(RequireIfMatchTest.Required.class)
@QuarkusTestResource(RegistryDatabase.class)
class RequireIfMatchTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beian.registry.require-if-match", "true");
        }
    }

    private static void assertPreconditionRequired(Response response) {
        response.then().statusCode(428).contentType("application/problem+json")
                .body("status", equalTo(428))
                .body("type", equalTo("https://beian.dev/problems/precondition-required"));
    }

    @Test
    void writesWithoutIfMatchAre428AndChangeNothing() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String filing = given().contentType(ContentType.JSON).body(Map.of("kind", "FILING", "name", "条件写" + tag,
                        "organizationName", "条件写公司" + tag, "filingNumber", "Beijing-Im" + tag + "-20240101",
                        "filingDate", "2024-02-01", "categories", List.of("TEXT")))
                .post("/api/v1/filings").then().statusCode(201).extract().header("Location");
        String deployment = given().contentType(ContentType.JSON).body(Map.of("region", "SG", "since", "2024-03-01"))
                .post(filing + "/deployments").then().statusCode(201).extract().header("Location");
        String organization = "/api/v1/organizations/" + given().get(filing).then().extract().path("organization.id");

        for (String record : List.of(filing, deployment, organization)) {
            Map<String, Object> current = given().get(record).then().statusCode(200).extract().jsonPath().getMap("");
            assertPreconditionRequired(given().contentType("application/merge-patch+json").body("{}").patch(record));
            assertPreconditionRequired(given().contentType(ContentType.JSON).body(current).put(record));
            assertPreconditionRequired(given().delete(record));
            given().get(record).then().statusCode(200).header("ETag", equalTo("\"v0\""));
        }

        // With If-Match the same writes go through; a stale one is still a 412.
        given().contentType("application/merge-patch+json").header("If-Match", "\"v0\"")
                .body(Map.of("nameEn", "Conditional")).patch(filing).then().statusCode(200).header("ETag", equalTo("\"v1\""));
        given().contentType("application/merge-patch+json").header("If-Match", "\"v0\"")
                .body(Map.of("nameEn", "Stale")).patch(filing).then().statusCode(412);
        given().header("If-Match", "\"v0\"").delete(deployment).then().statusCode(204);
        given().get(filing).then().body("nameEn", equalTo("Conditional"));
    }
}
