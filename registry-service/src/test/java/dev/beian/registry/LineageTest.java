package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Lineage is one level deep (a registration builds on a FILING) and a model's registrations can be listed. */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class LineageTest {

    private static long create(Map<String, Object> body) {
        return FilingResourceTest.create(body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> registration(String name, long base) {
        Map<String, Object> body = FilingResourceTest.filing("unused", name, "北京谱系应用科技有限公司");
        body.remove("filingNumber");
        body.put("kind", "REGISTRATION");
        body.put("jurisdiction", "CN-BJ");
        body.put("baseFilingId", base);
        return body;
    }

    @Test
    void registrationsOfAModelAreListedByTheirBase() {
        long model = create(FilingResourceTest.filing(FilingResourceTest.unique("Beijing-Base") + "-20240428",
                "谱系基座", "北京谱系基座科技有限公司"));
        long first = create(registration("谱系应用一" + FilingResourceTest.unique(""), model));
        long second = create(registration("谱系应用二" + FilingResourceTest.unique(""), model));
        given().queryParam("baseFilingId", model).queryParam("sort", "name").get("/api/v1/filings").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.id.collect { it as long }", equalTo(List.of(first, second)))
                .body("items.baseFilingId.collect { it as long }", equalTo(List.of(model, model)));
        given().queryParam("baseFilingId", "0").get("/api/v1/filings").then().statusCode(400)
                .body("errors[0].field", equalTo("baseFilingId"));
    }

    @Test
    void aBaseMustBeAFilingSoLineageHasNoChains() {
        long model = create(FilingResourceTest.filing(FilingResourceTest.unique("Beijing-Chain") + "-20240428",
                "谱系链基座", "北京谱系链科技有限公司"));
        long registration = create(registration("谱系链应用" + FilingResourceTest.unique(""), model));
        FilingResourceTest.create(registration("谱系链再应用" + FilingResourceTest.unique(""), registration)).then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("baseFilingId"))
                .body("errors[0].message", containsString("a base must be a FILING"));
        // The base cannot turn into a registration while registrations build on it: nothing changes.
        given().contentType("application/merge-patch+json").body(Map.of("kind", "REGISTRATION"))
                .patch("/api/v1/filings/" + model).then().statusCode(409)
                .body("detail", containsString("is the base of 1 registration"));
        given().get("/api/v1/filings/" + model).then().statusCode(200).body("kind", equalTo("FILING"));
    }
}
