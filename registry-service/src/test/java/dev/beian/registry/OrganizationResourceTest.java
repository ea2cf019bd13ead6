package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class OrganizationResourceTest {

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void legalNamesAreUniqueAfterFoldingWidthAndWhitespace() {
        String t = tag();
        given().contentType(ContentType.JSON)
                .body(Map.of("legalName", "阿里巴巴达摩院（杭州）科技有限公司" + t, "type", "BIG_TECH", "headquarters", "CN-ZJ"))
                .post("/api/v1/organizations").then().statusCode(201)
                .header("Location", containsString("/api/v1/organizations/"))
                .body("type", equalTo("BIG_TECH"));
        given().contentType(ContentType.JSON)
                .body(Map.of("legalName", " 阿里巴巴达摩院 (杭州)科技有限公司" + t + " "))
                .post("/api/v1/organizations").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void filingsByNameResolveToTheSameOrganizationAndRenamesAreSearchable() {
        String t = tag();
        long first = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "FILING", "name", "甲模型" + t, "organizationName", "深圳市某某科技有限公司" + t))
                .post("/api/v1/filings").then().statusCode(201).extract().jsonPath().getLong("organization.id");
        long second = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "FILING", "name", "乙模型" + t, "organizationName", "深圳市某某科技有限公司" + t + "　"))
                .post("/api/v1/filings").then().statusCode(201).extract().jsonPath().getLong("organization.id");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        given().get("/api/v1/organizations/" + first).then().statusCode(200).body("filingCount", equalTo(2));
        given().contentType("application/merge-patch+json").body(Map.of("nameEn", "Mouxie" + t))
                .patch("/api/v1/organizations/" + first).then().statusCode(200).body("nameEn", equalTo("Mouxie" + t));
        given().get("/api/v1/filings?q=mouxie" + t).then().statusCode(200).body("items.name", hasItem("甲模型" + t));
        given().delete("/api/v1/organizations/" + first).then().statusCode(409);
    }

    @Test
    void pagesHoldAtMostTheLimitAndTheCursorsWalkEveryOrganizationOnce() {
        String t = tag();
        List<Long> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(given().contentType(ContentType.JSON).body(Map.of("legalName", "分页公司" + t + i))
                    .post("/api/v1/organizations").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        List<Long> seen = new java.util.ArrayList<>();
        String cursor = null;
        List<Integer> pageSizes = new java.util.ArrayList<>();
        do {
            var request = given().queryParam("q", "分页公司" + t).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/organizations").then().statusCode(200).body("limit", equalTo(2)).extract();
            List<Long> ids = page.jsonPath().getList("items.id", Long.class);
            pageSizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.jsonPath().getString("nextCursor");
            org.junit.jupiter.api.Assertions.assertEquals(cursor != null, page.header("Link") != null,
                    "a Link next header exactly when there is a next cursor");
        } while (cursor != null && pageSizes.size() < 10);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(2, 2, 1), pageSizes);
        org.junit.jupiter.api.Assertions.assertEquals(created, seen);
    }

    @Test
    void errorsAreProblems() {
        given().get("/api/v1/organizations/987654321").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("legalName", "某公司" + tag(), "headquarters", "CN-XX"))
                .post("/api/v1/organizations").then().statusCode(400).body("errors[0].field", equalTo("headquarters"));
        given().contentType(ContentType.JSON).body(Map.of("legalName", "")).post("/api/v1/organizations")
                .then().statusCode(400).body("errors.field", hasItem("legalName"));
        given().contentType(ContentType.JSON).body(Map.of("legalName", "某公司" + tag(), "type", "PIRATE"))
                .post("/api/v1/organizations").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().get("/api/v1/organizations?limit=abc").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 0).queryParam("cursor", "nonsense").queryParam("q", " ")
                .get("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("limit", "cursor", "q"));
        String t = tag();
        long id = given().contentType(ContentType.JSON).body(Map.of("legalName", "条件公司" + t))
                .post("/api/v1/organizations").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"v7\"").body(Map.of("legalName", "条件公司" + t, "aliases", List.of("条件")))
                .put("/api/v1/organizations/" + id).then().statusCode(412);
        given().header("If-None-Match", "\"v0\"").get("/api/v1/organizations/" + id).then().statusCode(304);
    }
}
