package dev.beian.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * gzip when the client asks and the answer is worth it: list pages, vocabularies and exports are compressed;
 * a versioned filing (strong ETag, sent back in If-Match) and small problems are not.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class CompressionTest {

    /** RestAssured would otherwise ask for gzip itself and hide the encoding by decoding it. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void aVocabularyIsGzippedForAClientThatAsksAndPlainOtherwise() {
        given().config(RAW).header("Accept-Encoding", "gzip").get("/api/v1/reference/jurisdictions").then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", "Accept-Encoding")
                .header("ETag", startsWith("W/"));
        given().config(RAW).header("Accept-Encoding", "identity").get("/api/v1/reference/jurisdictions").then()
                .statusCode(200)
                .header("Content-Encoding", nullValue());
        // A client that decodes reads the same vocabulary.
        given().header("Accept-Encoding", "gzip").get("/api/v1/reference/jurisdictions").then()
                .body("find { it.code == 'CN-BJ' }.nameZh", equalTo("北京市"));
    }

    @Test
    void aCsvExportStreamsCompressed() {
        given().config(RAW).header("Accept-Encoding", "gzip").accept("text/csv").get("/api/v1/filings").then()
                .statusCode(200)
                .header("Content-Encoding", "gzip");
    }

    @Test
    void aVersionedFilingAndASmallProblemAreSentAsTheyAre() {
        Map<String, Object> body = FilingResourceTest.filing(FilingResourceTest.unique("Beijing-Gzip") + "-20240428",
                "压缩测试", "北京压缩测试科技有限公司");
        String location = FilingResourceTest.create(body).then().statusCode(201).extract().header("Location");
        given().config(RAW).header("Accept-Encoding", "gzip").get(location).then()
                .statusCode(200)
                .header("ETag", "\"v0\"")
                .header("Content-Encoding", nullValue());
        given().config(RAW).header("Accept-Encoding", "gzip").get("/api/v1/nothing-here").then()
                .statusCode(404)
                .header("Content-Encoding", nullValue());
    }
}
