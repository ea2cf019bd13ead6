package dev.beian.gateway;

import dev.beian.gateway.openapi.MergedOpenApi;
import dev.beian.gateway.proxy.Backends;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one OpenAPI document merged from the (stand-in) services' documents, and Swagger UI over it. */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class OpenApiTest {

    @StandInBackends.Inject
    StandInBackends standIns;

    @Inject
    MergedOpenApi mergedOpenApi;

    @Inject
    Backends backends;

    @Test
    void mergesTheRoutedPathsOfBothServices() {
        given().get("/openapi").then().statusCode(200).contentType("application/json")
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", equalTo("Beian API"))
                .body("servers[0].url", equalTo("/"))
                .body("paths", hasKey("/api/v1/filings"))
                .body("paths", hasKey("/api/v1/filings/{id}"))
                .body("paths", hasKey("/api/v1/insights/categories"))
                .body("paths", hasKey("/api/v1/insights/admin/rebuild"))
                .body("paths", not(hasKey("/hello")))
                .body("paths", not(hasKey("/api/v1/insights/not-mine")))
                .body("paths.'/api/v1/filings'.get.summary", equalTo("List filings"));
    }

    @Test
    void componentsAreMergedAndClashingNamesRenamedWithTheirReferences() {
        JsonPath doc = given().get("/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertTrue(schemas.keySet().containsAll(List.of("Problem", "FieldError", "Filing", "FilingPage", "Category",
                "InsightsCategory")), schemas.keySet().toString());
        assertEquals("#/components/schemas/InsightsCategory",
                doc.getString("paths.'/api/v1/insights/categories'.get.responses.'200'.content.'application/json'.schema.items.$ref"));
        assertEquals("#/components/schemas/Category",
                doc.getString("paths.'/api/v1/reference/categories'.get.responses.'200'.content.'application/json'.schema.items.$ref"));
        assertEquals("#/components/schemas/Problem",
                doc.getString("paths.'/api/v1/insights/categories'.get.responses.'400'.content.'application/problem+json'.schema.$ref"));
        List<String> operationIds = List.of(doc.getString("paths.'/api/v1/reference/categories'.get.operationId"),
                doc.getString("paths.'/api/v1/insights/categories'.get.operationId"));
        assertEquals(List.of("categories", "insights_categories"), operationIds);
        List<String> tags = doc.getList("tags.name");
        assertEquals(List.of("Filings", "Reference", "Insights", "Gateway"), tags);
        assertEquals("Reference vocabularies", doc.getString("tags.find { it.name == 'Reference' }.description"));
    }

    @Test
    void describesTheGatewaysSecurityAndItsOwnAnswers() {
        given().get("/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"))
                .body("components.securitySchemes.apiKey.in", equalTo("header"))
                .body("paths.'/api/v1/filings'.get.security.size()", equalTo(3))
                .body("paths.'/api/v1/filings'.post.security.size()", equalTo(2))
                .body("paths.'/api/v1/filings'.post.responses.'401'.$ref", equalTo("#/components/responses/GatewayUnauthorized"))
                .body("paths.'/api/v1/filings'.get.responses.'503'.$ref", equalTo("#/components/responses/GatewayServiceUnavailable"))
                .body("paths.'/api/v1/filings'.get.responses.'429'.$ref", equalTo("#/components/responses/GatewayTooManyRequests"))
                .body("paths.'/api/v1/insights/admin/rebuild'.post.summary", equalTo("POST /api/v1/insights/admin/rebuild"))
                .body("paths.'/api/v1/insights/admin/rebuild'.post.description", containsString("admin role"))
                .body("components.responses.GatewayServiceUnavailable.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void servesYamlWhenAskedAndSupportsConditionalGets() {
        given().accept("application/yaml").get("/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("openapi: \"3.1.0\""));
        given().get("/openapi.yaml").then().statusCode(200).contentType(startsWith("application/yaml"));
        String etag = given().get("/openapi").then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/openapi").then().statusCode(304);
    }

    @Test
    void aServiceWhoseDocumentCannotBeFetchedIsKeptFromItsLastGoodCopy() throws Exception {
        given().get("/openapi").then().statusCode(200).body("paths", hasKey("/api/v1/insights/categories"));
        standIns.insights().stop();
        try {
            MergedOpenApi.Snapshot rebuilt = mergedOpenApi.rebuild().toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertTrue(rebuilt.complete());
            assertTrue(new String(rebuilt.json()).contains("/api/v1/insights/categories"));
            given().get("/openapi").then().statusCode(200).body("paths", hasKey("/api/v1/insights/categories"));
        } finally {
            standIns.insights().start();
            backends.insights().breaker().reset();
        }
    }

    @Test
    void swaggerUiLoadsTheMergedDocumentAndKeepsTheKey() {
        String page = given().get("/swagger-ui/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("url: '/openapi'"), "Swagger UI loads /openapi");
        assertTrue(page.contains("persistAuthorization"), "Swagger UI keeps the API key across reloads");
        assertFalse(page.contains("/q/openapi"), "not the gateway's own empty document");
        given().get("/swagger-ui").then().statusCode(200);
        given().get("/openapi").then().body("security.size()", equalTo(3))
                .body("paths.'/api/v1/filings'.post.security.bearerAuth", hasItems(List.of()));
    }
}
