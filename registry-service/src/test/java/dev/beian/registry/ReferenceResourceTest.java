package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ReferenceResourceTest {

    @Test
    void jurisdictionsComeFromTheDatabaseWithChineseAndEnglishNames() {
        given().when().get("/api/v1/reference/jurisdictions")
                .then().statusCode(200)
                .header("Cache-Control", "max-age=3600")
                .body("", hasSize(32))
                .body("find { it.code == 'CN-BJ' }.nameZh", equalTo("北京市"))
                .body("find { it.code == 'SASAC' }.shortNameZh", equalTo("国资委"))
                .body("find { it.code == 'SASAC' }.filingPrefix", equalTo("ZhongYangQiYe"));
    }

    @Test
    void categoriesAndSectorsAreServed() {
        given().get("/api/v1/reference/categories").then().statusCode(200)
                .body("code", hasItems("TEXT", "IMAGE", "AUDIO", "VIDEO", "CODE", "MULTIMODAL"));
        given().get("/api/v1/reference/sectors").then().statusCode(200)
                .body("code", hasItems("CUSTOMER_SERVICE", "HEALTHCARE", "LEGAL", "FINANCE"));
    }

    @Test
    void unknownPathIsAProblemWithRequestId() {
        given().header("X-Request-Id", "test-req-1").get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", "test-req-1")
                .body("status", equalTo(404))
                .body("requestId", equalTo("test-req-1"))
                .body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void invalidRequestIdIsReplaced() {
        given().header("X-Request-Id", "bad id with spaces").get("/api/v1/reference/categories")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .header("X-Request-Id", org.hamcrest.Matchers.not(equalTo("bad id with spaces")));
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"));
    }
}
