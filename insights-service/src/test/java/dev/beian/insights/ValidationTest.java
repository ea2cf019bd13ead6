package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Every bad parameter is a 400 problem naming it, never a 500 and never a silently different answer. */
@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class ValidationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "trends?bucket=week                          | bucket       | must be one of month, quarter, year",
            "trends?mode=running                         | mode         | must be one of per-period, cumulative",
            "trends?from=2025-01-01&to=2024-01-01        | from         | must not be after 'to'",
            "trends?from=1990-01-01&to=2030-01-01&bucket=month | from   | more than 400",
            "trends?from=1979-12-31                      | from         | must be a date from 1980-01-01 to 2063-12-31",
            "trends?to=2064-01-01                        | to           | must be a date from 1980-01-01 to 2063-12-31",
            "trends?kind=APP                             | kind         | must be one of FILING, REGISTRATION",
            "categories?from=2024-02-01&to=2024-01-01    | from         | must not be after 'to'",
            "categories?asOf=2024-13-01                  | asOf         | must be a date as YYYY-MM-DD",
            "categories?asOf=yesterday                   | asOf         | must be a date as YYYY-MM-DD",
            "categories?asOf=1979-12-31                  | asOf         | must be a date from 1980-01-01 to 2063-12-31",
            "categories?kind=film                        | kind         | must be one of FILING, REGISTRATION",
            "categories?jurisdiction=CN-XX               | jurisdiction | must be a jurisdiction code",
            "categories?jurisdiction=cn-bj               | jurisdiction | must be a jurisdiction code",
            "categories?category=TEXT                    | category     | is not a parameter of this endpoint",
            "summary?asof=2024-01-01                     | asof         | is not a parameter of this endpoint",
            "summary?asOf=2024-01-01&asOf=2024-02-01     | asOf         | must be given at most once",
            "regions?to=2024-02-30                       | to           | must be a date as YYYY-MM-DD",
            "regions?jurisdiction=CN-BJ                  | jurisdiction | is not a parameter of this endpoint",
            "matrix?from=2024-03-01&to=2024-02-01        | from         | must not be after 'to'",
            "weights?kind=                               | kind         | must be one of FILING, REGISTRATION",
            "organizations?limit=0                       | limit        | must be an integer from 1 to 100",
            "organizations?limit=101                     | limit        | must be an integer from 1 to 100",
            "organizations?limit=ten                     | limit        | must be an integer from 1 to 100",
            "organizations?asOf=2024-01-01               | asOf         | is not a parameter of this endpoint",
            "lineage?limit=-1                            | limit        | must be an integer from 1 to 100",
            "coverage?asOf=2024-01-01                    | asOf         | which takes none",
    })
    void invalidParameterIsA400NamingIt(String query, String parameter, String message) {
        given().get("/api/v1/insights/" + query).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://beian.dev/problems/invalid-parameter"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter))
                .body("detail", containsString(message))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    /** One 400 names every invalid parameter, in the order the endpoint reads them, each with its reason. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "trends?bucket=week&kind=APP&from=yesterday                   | bucket,from,kind",
            "trends?mode=running&from=2025-01-01&to=2024-01-01            | mode,from",
            "categories?asOf=1979-01-01&kind=film&jurisdiction=CN-XX&colour=red | colour,kind,jurisdiction,asOf",
            "regions?from=2024-13-01&to=1900-01-01&asOf=2024-01-01&asOf=2024-02-01 | asOf,from,to",
            "organizations?limit=0&kind=x                                 | kind,limit",
            "weights?kind=&to=2064-01-01                                  | to,kind",
            "lineage?limit=ten&asOf=2024-01-01                            | asOf,limit",
    })
    void everyInvalidParameterIsNamedInOne400(String query, String parameters) {
        java.util.List<String> names = java.util.List.of(parameters.split(","));
        given().get("/api/v1/insights/" + query).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://beian.dev/problems/invalid-parameter"))
                .body("errors.field", equalTo(names))
                .body("errors.message", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.emptyOrNullString())))
                .body("detail", startsWith(names.size() + " parameters are invalid: '" + names.get(0) + "' "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // The span is not judged on a bucket that is not valid: one error, not a guess about the range.
            "trends?bucket=week&from=1990-01-01&to=2030-01-01 | bucket",
            "summary?asOf=x&asOf=y                            | asOf",
    })
    void aParameterIsNamedOnce(String query, String parameter) {
        given().get("/api/v1/insights/" + query).then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of(parameter)))
                .body("detail", startsWith("Parameter '" + parameter + "' "));
    }
}
