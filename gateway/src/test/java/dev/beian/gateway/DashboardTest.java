package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard at / (page, its files, the chart library, their headers) and the API's index at /api/v1/. */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
class DashboardTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String LIBRARY = "/_static/echarts/5.6.0/dist/echarts.common.min.js";

    @StandInBackends.Inject
    StandInBackends standIns;

    @TestHTTPResource("/")
    URL base;

    private static void assertPageHeaders(Response response) {
        assertEquals(CSP, response.header("Content-Security-Policy"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals("same-origin", response.header("Cross-Origin-Opener-Policy"));
        assertTrue(response.header("Permissions-Policy").contains("camera=()"));
        assertTrue(response.header("X-Request-Id") != null, "edge handlers ran too");
    }

    @Test
    void theRootIsTheDashboardWithTheSecurityHeaders() {
        Response page = given().get("/");
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .body(containsString("<title>Beian"))
                .body(containsString("id=\"fig-filings\""));
        assertPageHeaders(page);
        given().head("/").then().statusCode(200).header("Content-Security-Policy", CSP);
        assertPageHeaders(given().get("/index.html"));
    }

    @Test
    void thePageHasNoInlineScriptOrStyleThatItsPolicyWouldBlock() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src=\"/"), "a script from this origin: " + scripts.group());
            assertTrue(scripts.group(2).isBlank(), "no inline code: " + scripts.group());
        }
        assertEquals(2, count, "the chart library and the dashboard's module");
        assertFalse(html.contains("<style"), "no style element");
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "no style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "no inline event handler");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing from another origin");
    }

    @Test
    void everyFileThePageAndItsModulesLoadIsServedFromTheGateway() {
        String html = given().get("/").then().extract().asString();
        List<String> files = references(html, "(?:src|href)=\"(/[^\"]+)\"");
        assertTrue(files.contains(LIBRARY), files.toString());
        assertTrue(files.contains("/dashboard/dashboard.js"), files.toString());
        String module = given().get("/dashboard/dashboard.js").then().extract().asString();
        for (String imported : references(module, "from '\\./([^']+)'")) {
            files.add("/dashboard/" + imported);
        }
        assertTrue(files.size() >= 6, files.toString());
        for (String file : files) {
            if (file.startsWith("/api/") || file.equals("/swagger-ui") || file.equals("/openapi")) {
                continue; // links, not files the page loads
            }
            Response response = given().get(file);
            assertEquals(200, response.statusCode(), file);
            String type = response.contentType();
            if (file.endsWith(".js")) {
                assertTrue(type.startsWith("text/javascript") || type.startsWith("application/javascript"), file + " " + type);
            } else if (file.endsWith(".css")) {
                assertTrue(type.startsWith("text/css"), file + " " + type);
            }
            assertPageHeaders(response);
        }
    }

    @Test
    void theChartLibraryIsCachedForAYearAndTheDashboardsOwnFilesRevalidated() {
        Response library = given().get(LIBRARY);
        library.then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
        assertTrue(library.asString().contains("echarts"), "the library itself");
        given().get("/dashboard/dashboard.css").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void theChartLibraryIsSentGzippedToClientsThatAcceptIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI library = base.toURI().resolve(LIBRARY);
        HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(library).build(), BodyHandlers.ofByteArray());
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no coding unless asked for");
        for (String accepted : List.of("gzip", "br, gzip;q=0.8", "*")) {
            HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(library).header("Accept-Encoding", accepted)
                    .build(), BodyHandlers.ofByteArray());
            assertEquals(200, gzipped.statusCode());
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), accepted);
            assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElse(""));
            assertTrue(gzipped.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
            assertEquals("public, max-age=31536000, immutable", gzipped.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(CSP, gzipped.headers().firstValue("Content-Security-Policy").orElse(""));
            assertTrue(gzipped.body().length < plain.body().length / 2,
                    gzipped.body().length + " bytes compressed of " + plain.body().length);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                assertArrayEquals(plain.body(), in.readAllBytes(), "the same file");
            }
        }
        HttpResponse<byte[]> refused = client.send(HttpRequest.newBuilder(library).header("Accept-Encoding", "gzip;q=0")
                .build(), BodyHandlers.ofByteArray());
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty(), "gzip;q=0 refuses gzip");
        assertEquals(plain.body().length, refused.body().length);
        HttpResponse<byte[]> missing = client.send(HttpRequest.newBuilder(base.toURI().resolve("/_static/echarts/0.0.0/x.js"))
                .header("Accept-Encoding", "gzip").build(), BodyHandlers.ofByteArray());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void aMissingFileIsAProblem404WithoutTheLongCacheLifetime() {
        given().get("/dashboard/nope.js").then().statusCode(404).contentType("application/problem+json")
                .header("Cache-Control", is((String) null))
                .body("status", equalTo(404));
        given().get("/_static/echarts/0.0.0/nope.js").then().statusCode(404)
                .header("Cache-Control", is((String) null));
    }

    @Test
    void theApiIndexLinksTheCollectionsAndDocumentsWithoutCallingABackend() {
        int registryCalls = standIns.registry().requests();
        int insightsCalls = standIns.insights().requests();
        for (String path : List.of("/api/v1/", "/api/v1")) {
            given().get(path).then().statusCode(200).contentType(startsWith("application/json"))
                    .header("ETag", startsWith("\""))
                    .header("X-Request-Id", is(org.hamcrest.Matchers.notNullValue()))
                    .body("name", equalTo("Beian API"))
                    .body("version", equalTo("v1"))
                    .body("filingsUrl", startsWith("/api/v1/filings{?q,"))
                    .body("filingUrl", equalTo("/api/v1/filings/{id}"))
                    .body("importJobUrl", equalTo("/api/v1/imports/{id}"))
                    .body("webhooksUrl", equalTo("/api/v1/webhooks"))
                    .body("organizationsUrl", startsWith("/api/v1/organizations"))
                    .body("insightsSummaryUrl", equalTo("/api/v1/insights/summary{?asOf}"))
                    .body("openapiUrl", equalTo("/openapi"))
                    .body("swaggerUiUrl", equalTo("/swagger-ui"))
                    .body("dashboardUrl", equalTo("/"));
        }
        assertEquals(registryCalls, standIns.registry().requests(), "the index is the gateway's own");
        assertEquals(insightsCalls, standIns.insights().requests());
    }

    @Test
    void theApiIndexAnswers304ToItsCurrentETag() {
        String etag = given().get("/api/v1/").then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/").then().statusCode(304).body(emptyOrNullString());
        given().header("If-None-Match", "\"other\"").get("/api/v1/").then().statusCode(200);
    }

    @Test
    void theApiIndexPassesTheApiGuardAndOtherMethodsStillReachTheRegistry() {
        given().header("Authorization", "Bearer wrong-key").get("/api/v1/").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/filings").then().statusCode(200).body("backend", equalTo("registry"));
    }

    @Test
    void theOpenApiDocumentDescribesTheDashboardAndTheIndex() {
        given().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/"))
                .body("paths", hasKey("/api/v1"))
                .body("paths.'/'.get.operationId", equalTo("getDashboard"))
                .body("paths.'/'.get.responses.'200'.content", hasKey("text/html"))
                .body("paths.'/api/v1'.get.operationId", equalTo("getApiIndex"))
                .body("paths.'/api/v1'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ApiIndex"))
                .body("paths.'/api/v1'.get.responses.'200'.content.'application/json'.example.filingsUrl",
                        startsWith("/api/v1/filings"))
                .body("components.schemas.ApiIndex.properties", hasKey("swaggerUiUrl"))
                .body("tags.name", hasItem("Gateway"));
    }

    private static List<String> references(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
