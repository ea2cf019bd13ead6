package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Text PostgreSQL cannot store (NUL) or that is not Unicode (an unpaired surrogate) is refused with a 400
 * naming the field or parameter, wherever it comes in; an import rejects the row and names the column.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class TextInputTest {

    private static final String PROBLEM = "application/problem+json";

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A filing body as JSON text, with {@code name} inserted as is (so JSON escapes reach the server). */
    static String filingJson(String rawName) {
        return "{\"filingNumber\": \"Beijing-Text" + tag() + "-2024\", \"kind\": \"FILING\", \"name\": \"" + rawName
                + "\", \"organizationName\": \"北京文本测试公司\", \"filingDate\": \"2024-05-13\","
                + " \"categories\": [\"TEXT\"], \"sectors\": [\"GENERAL\"]}";
    }

    static Response postJson(String path, String json) {
        return given().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    @Test
    void nulInSearchParameterIsA400NamingIt() {
        for (String path : new String[] {"/api/v1/filings", "/api/v1/organizations"}) {
            given().urlEncodingEnabled(false).get(path + "?q=a%00b").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("q"))
                    .body("detail", containsString("NUL"));
        }
    }

    @Test
    void nulOrLoneSurrogateInJsonStringIsA400NamingTheField() {
        postJson("/api/v1/filings", filingJson("模型\\u0000")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name")).body("detail", containsString("NUL"));
        postJson("/api/v1/filings", filingJson("模型\\ud800")).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name")).body("detail", containsString("surrogate"));
        postJson("/api/v1/organizations", "{\"legalName\": \"北京\\u0000公司\"}").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("legalName"));
        postJson("/api/v1/organizations", "{\"legalName\": \"北京公司\", \"aliases\": [\"\\udc00\"]}").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("aliases[0]"));
        // A proper pair (an emoji) is text and stays accepted.
        postJson("/api/v1/filings", filingJson("模型\\ud83d\\ude00")).then().statusCode(201)
                .body("name", equalTo("模型\uD83D\uDE00"));
    }

    @Test
    void nulInMergePatchIsA400NamingTheField() {
        String location = postJson("/api/v1/filings", filingJson("补丁模型")).then().statusCode(201)
                .extract().header("Location");
        given().contentType("application/merge-patch+json").body("{\"nameEn\": \"x\\u0000\"}".getBytes(StandardCharsets.UTF_8))
                .patch(location).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("nameEn"));
        given().get(location).then().statusCode(200).body("name", equalTo("补丁模型"));
    }

    @Test
    void nulInCsvCellRejectsTheRowNamingTheColumn() {
        String t = tag();
        int b = 2_000_000_000 - java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000);
        String csv = ImportResourceTest.HEADER
                + b + ",北京,空字\u0000模型" + t + ",北京空字有限公司" + t + ",,2024/1/20\n";
        for (String query : new String[] {"?dryRun=true", ""}) {
            given().contentType("text/csv; charset=utf-8").body(csv.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/filings/import" + query).then().statusCode(200)
                    .body("rejected", equalTo(1))
                    .body("rejections[0].row", equalTo(1))
                    .body("rejections[0].reason", containsString("模型名称"))
                    .body("rejections[0].reason", containsString("NUL"));
        }
    }
}
