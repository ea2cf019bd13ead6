package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deployments across filings, filtered by region and sector, in pages. */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class DeploymentSearchTest {

    private static long deploy(String location, String region, String sector) {
        return given().contentType(ContentType.JSON).body(Map.of("region", region, "sector", sector, "since", "2024-06-01"))
                .post(location + "/deployments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void deploymentsOfEveryFilingByRegionAndSectorInPages() {
        List<Long> mine = new ArrayList<>();
        for (String name : List.of("部署甲", "部署乙")) {
            String location = FilingResourceTest.create(FilingResourceTest.filing(
                    FilingResourceTest.unique("Beijing-Dep") + "-20240428", name + FilingResourceTest.unique(""),
                    "北京部署科技有限公司")).then().statusCode(201).extract().header("Location");
            mine.add(deploy(location, "IS", "LEGAL"));
            deploy(location, "IS", "FINANCE");
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("region", "IS").queryParam("sector", "LEGAL").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/deployments").then().statusCode(200)
                    .body("items.region", everyItem(equalTo("IS")))
                    .body("items.sector", everyItem(equalTo("LEGAL")))
                    .extract().jsonPath();
            assertTrue(page.getList("items").size() <= 1);
            page.getList("items.id", Long.class).forEach(seen::add);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertTrue(seen.containsAll(mine), "both LEGAL deployments in Iceland, over pages of one: " + seen);
        assertEquals(seen.stream().sorted().toList(), seen, "pages go by id");
    }

    @Test
    void anUnknownSectorOrParameterIsA400() {
        given().queryParam("sector", "FARMING").get("/api/v1/deployments").then().statusCode(400)
                .body("errors[0].field", equalTo("sector"));
        given().queryParam("country", "IS").get("/api/v1/deployments").then().statusCode(400);
    }
}
