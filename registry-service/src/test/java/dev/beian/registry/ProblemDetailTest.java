package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Problem details speak the client's language and stay small: no Java type names from the JSON or CSV parsers,
 * a detail of at most 500 characters, at most 100 field errors, whatever the input.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ProblemDetailTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "(?:java|javax|jakarta|dev|org|com|io)\\.[a-z]+\\.|`|Exception|Enum class");

    private static String problemText(Response response, int status) {
        String body = response.then().statusCode(status).contentType(PROBLEM).extract().asString();
        assertFalse(JAVA_TYPE.matcher(body).find(), "names a Java type: " + body);
        assertTrue(body.length() < 2_000, "a problem of " + body.length() + " characters");
        return body;
    }

    private static Response postFiling(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/filings");
    }

    @Test
    void jsonTypeErrorsAreToldInTheClientsTerms() {
        problemText(postFiling("[]"), 400);
        problemText(postFiling("\"a filing\""), 400);
        problemText(postFiling("{\"kind\": \"NOPE\"}"), 400);
        postFiling("{\"kind\": \"NOPE\"}").then().body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", equalTo("'NOPE' is not one of FILING, REGISTRATION"));
        postFiling("{\"filingDate\": \"yesterday\"}").then().body("errors[0].field", equalTo("filingDate"))
                .body("errors[0].message", containsString("is not a date like 2024-01-31"));
        problemText(postFiling("{\"filingDate\": \"yesterday\"}"), 400);
        problemText(postFiling("{\"categories\": {\"a\": 1}}"), 400);
        postFiling("{\"categories\": {\"a\": 1}}").then().body("errors[0].message", equalTo("must be an array"));
        problemText(postFiling("{\"name\": [1, 2]}"), 400);
        postFiling("{\"name\": [1, 2]}").then().body("errors[0].message", equalTo("must be a string"));
        problemText(postFiling("{\"source\": 5}"), 400);
        problemText(postFiling("{\"name\": "), 400);
        long organization = given().contentType(ContentType.JSON).body("{\"legalName\": \"问题细节公司" + System.nanoTime() + "\"}")
                .post("/api/v1/organizations").then().statusCode(201).extract().jsonPath().getLong("id");
        problemText(given().contentType("application/merge-patch+json").body("{\"type\": 7}")
                .patch("/api/v1/organizations/" + organization), 400);
        problemText(given().contentType("application/merge-patch+json").body("{\"type\": [7]}")
                .patch("/api/v1/organizations/" + organization), 400);
    }

    @Test
    void unreadableCsvIsToldWithoutTheParsersTypeName() {
        String csv = "name,organization\n\"unterminated,公司\nx\"y\",z\n";
        String body = problemText(given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import"), 400);
        assertTrue(body.contains("The CSV cannot be read"), body);
    }

    @Test
    void aMillionHeaderColumnsAreNotEchoedBack() {
        String wide = "name,organization" + ",".repeat(1_000_000) + "\n";
        String body = problemText(given().contentType("text/csv").body(wide.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import"), 400);
        assertTrue(body.contains("1000002 columns"), body);

        // Duplicate names are the parser's own complaint, which quotes the whole header: it is cut short.
        String duplicates = "a,".repeat(400_000) + "a\n";
        problemText(given().contentType("text/csv").body(duplicates.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import"), 400);
        String missing = "x,".repeat(150) + "y\n";
        String detail = given().contentType("text/csv").body(missing.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import").then().statusCode(400).extract().path("detail");
        assertTrue(detail.length() <= 500, detail);
    }

    @Test
    void atMostAHundredFieldErrorsAreListed() {
        StringBuilder csv = new StringBuilder("name,organization,filingNumber,filingDate\n");
        for (int i = 0; i < 300; i++) {
            csv.append("问题行").append(i).append(",问题公司,Beijing-Bad").append(i).append("-20240101,not-a-date\n");
        }
        Response response = given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import?mode=all-or-nothing");
        response.then().statusCode(422).contentType(PROBLEM).body("errors", hasSize(100))
                .body("detail", containsString("first 100 of 300"));
        assertTrue(response.jsonPath().getString("detail").length() <= 500);
    }
}
