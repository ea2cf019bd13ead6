package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** Exports from a plain link (format=), named after what they hold, and negotiated answers that say Vary: Accept. */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ExportLinkTest {

    @Test
    void formatInTheLinkExportsWithoutAnAcceptHeader() {
        String name = "导出链接" + FilingResourceTest.unique("");
        Map<String, Object> body = FilingResourceTest.filing(FilingResourceTest.unique("Beijing-Link") + "-20240428",
                name, "北京导出链接科技有限公司");
        FilingResourceTest.create(body).then().statusCode(201);

        given().queryParam("format", "csv").queryParam("jurisdiction", "CN-BJ").queryParam("q", name)
                .get("/api/v1/filings").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Vary", containsString("Accept"))
                .header("Content-Disposition", matchesPattern(
                        "attachment; filename=\"filings_jurisdiction-CN-BJ_q-_+[0-9a-f_]+_\\d{8}-\\d{4}\\.csv\"; "
                                + "filename\\*=UTF-8''filings_jurisdiction-CN-BJ_q-%E5%AF%BC%E5%87%BA.*\\.csv"))
                .body(containsString(name));
        given().queryParam("format", "ndjson").queryParam("q", name).get("/api/v1/filings").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", containsString(".ndjson\""));
        // format=json wins over an Accept that asks for CSV: the link says what the user wants.
        given().accept("text/csv").queryParam("format", "json").queryParam("q", name).get("/api/v1/filings").then()
                .statusCode(200).contentType(startsWith("application/json"))
                .header("Vary", containsString("Accept"))
                .body("items.name", hasItem(name));
    }

    @Test
    void anUnknownFormatIsA400NamingIt() {
        given().queryParam("format", "xlsx").get("/api/v1/filings").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("format"));
    }
}
