package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.beian.registry.FilingResourceTest.create;
import static dev.beian.registry.FilingResourceTest.filing;
import static dev.beian.registry.FilingResourceTest.unique;
import static dev.beian.registry.ImportResourceTest.HEADER;
import static dev.beian.registry.ImportResourceTest.base;
import static dev.beian.registry.ImportResourceTest.importCsv;
import static dev.beian.registry.ImportResourceTest.tag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Dates are accepted from 1980-01-01 to 2063-12-31, the range the insights count day by day (RegisterDates):
 * a date outside it is a 400 naming the field, or a rejected import row, never stored. Until then any date was
 * stored, and the insights counted everything before 2020 on 2020-01-01.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class DateRangeTest {

    private static final String RANGE = "must be a date from 1980-01-01 to 2063-12-31";

    @ParameterizedTest
    @ValueSource(strings = {"1980-01-01", "2014-06-01", "2019-12-31", "2063-12-31"})
    void datesInsideTheRangeAreStored(String date) {
        Map<String, Object> body = filing(unique("Beijing-Early") + "-19800101", "早期模型", "北京早期科技有限公司");
        body.put("filingDate", date);
        String location = create(body).then().statusCode(201).body("filingDate", equalTo(date))
                .body("statusHistory[0].since", equalTo(date)).extract().header("Location");
        given().contentType(ContentType.JSON).body(Map.of("region", "SG", "since", date))
                .post(location + "/deployments").then().statusCode(201).body("since", equalTo(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1979-12-31", "1900-01-01", "0001-01-01", "2064-01-01", "+10000-01-01", "+9999999-01-01"})
    void filingDatesOutsideTheRangeAreA400NamingTheField(String date) {
        Map<String, Object> body = filing(unique("Beijing-Range") + "-19700101", "越界模型", "北京越界科技有限公司");
        body.put("filingDate", date);
        create(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("filingDate"))
                .body("errors[0].message", containsString(RANGE));
    }

    @Test
    void statusDatesAndPatchesAreCheckedToo() {
        Map<String, Object> body = filing(unique("Beijing-Status") + "-2024", "状态模型", "北京状态科技有限公司");
        body.put("status", "SUSPENDED");
        body.put("statusDate", "1979-06-30");
        create(body).then().statusCode(400).body("errors.field", equalTo(List.of("statusDate")))
                .body("errors[0].message", containsString(RANGE));

        body.remove("status");
        body.remove("statusDate");
        String location = create(body).then().statusCode(201).extract().header("Location");
        given().contentType("application/merge-patch+json").body(Map.of("filingDate", "1975-03-01")).patch(location)
                .then().statusCode(400).body("errors.field", hasItem("filingDate"));
        given().get(location).then().statusCode(200).body("filingDate", equalTo("2024-05-13"))
                .header("ETag", "\"v0\"");
    }

    @Test
    void deploymentSinceOutsideTheRangeIsA400() {
        String location = create(filing(unique("Shandong-Since") + "-2024", "部署日期", "山东部署有限公司"))
                .header("Location");
        given().contentType(ContentType.JSON).body(Map.of("region", "SG", "since", "1979-12-31"))
                .post(location + "/deployments").then().statusCode(400)
                .body("errors[0].field", equalTo("since")).body("errors[0].message", containsString(RANGE));
        given().contentType(ContentType.JSON).body(Map.of("region", "SG", "since", "2070-01-01"))
                .post(location + "/deployments").then().statusCode(400).body("errors[0].field", equalTo("since"));
        given().get(location + "/deployments").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void importRowsOutsideTheRangeAreRejectedWithTheirReason() {
        String t = tag();
        int b = base();
        String csv = HEADER
                + (b + 1) + ",北京,旧模型" + t + ",北京旧有限公司" + t + ",,2014/6/1\n"
                + (b + 2) + ",北京,最早模型" + t + ",北京最早有限公司" + t + ",,1980/1/1\n"
                + (b + 3) + ",北京,太早模型" + t + ",北京太早有限公司" + t + ",,1979/12/31\n"
                + (b + 4) + ",北京,太晚模型" + t + ",北京太晚有限公司" + t + ",,2064年1月1日\n";
        importCsv(csv, "").then().statusCode(200)
                .body("created", equalTo(2))
                .body("rejected", equalTo(2))
                .body("rejections.row", equalTo(List.of(3, 4)))
                .body("rejections[0].reason", containsString("filing date '1979/12/31' is outside the accepted range"))
                .body("rejections[1].reason", containsString(RANGE));
        given().get("/api/v1/filings?q=旧模型" + t).then().body("items[0].filingDate", equalTo("2014-06-01"));
        given().get("/api/v1/filings?q=太早模型" + t).then().body("items", hasSize(0));

        String lines = "{\"kind\":\"FILING\",\"sequenceNo\":" + (b + 5) + ",\"name\":\"行早" + t
                + "\",\"organizationName\":\"四川行早有限公司" + t + "\",\"filingDate\":\"1970-01-01\"}\n";
        given().contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/filings/import").then().statusCode(200)
                .body("created", equalTo(0)).body("rejected", equalTo(1))
                .body("rejections[0].reason", containsString(RANGE));
    }
}
