package dev.beian.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beian.gateway.dashboard.ApiIndex;

import java.util.Map;

/**
 * What the gateway adds to the merged document: its security schemes, the shared Problem schema (when no
 * service brought one), the answers the gateway itself may give (401, 403, 429, 503, 504), and the paths it
 * serves itself: the dashboard at {@code /} and the API's index at {@code /api/v1}.
 */
final class GatewayAdditions {

    static final String BEARER = "bearerAuth";
    static final String API_KEY = "apiKey";
    static final String OWN_TAG = "Gateway";
    static final String API_INDEX_SCHEMA = "ApiIndex";

    private GatewayAdditions() {
    }

    static ObjectNode securitySchemes(ObjectMapper json) {
        ObjectNode schemes = json.createObjectNode();
        schemes.putObject(BEARER).put("type", "http").put("scheme", "bearer")
                .put("description", "An API key sent as 'Authorization: Bearer <key>'");
        schemes.putObject(API_KEY).put("type", "apiKey").put("in", "header").put("name", "X-API-Key")
                .put("description", "An API key sent as 'X-API-Key: <key>'");
        return schemes;
    }

    /** Security requirements: either scheme; with {@code optional}, calling without a key is allowed too. */
    static ArrayNode security(ObjectMapper json, boolean optional) {
        ArrayNode security = json.createArrayNode();
        if (optional) {
            security.addObject();
        }
        security.addObject().putArray(BEARER);
        security.addObject().putArray(API_KEY);
        return security;
    }

    static ObjectNode problemSchema(ObjectMapper json) {
        ObjectNode schema = json.createObjectNode().put("type", "object")
                .put("description", "RFC 9457 problem details");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri")
                .put("description", "URI identifying the problem type");
        properties.putObject("title").put("type", "string").put("description", "Short summary of the problem type");
        properties.putObject("status").put("type", "integer").put("format", "int32").put("description", "HTTP status code");
        properties.putObject("detail").put("type", "string").put("description", "Explanation specific to this occurrence");
        properties.putObject("instance").put("type", "string").put("description", "The request path that failed");
        properties.putObject("requestId").put("type", "string").put("description", "Request id to quote to support");
        properties.putObject("errors").put("type", "array").put("description", "Field-level errors, for validation problems")
                .putObject("items").put("type", "object")
                .putObject("properties").<ObjectNode>set("field", json.createObjectNode().put("type", "string"))
                .set("message", json.createObjectNode().put("type", "string"));
        return schema;
    }

    /** Reusable answers of the gateway's own, each a problem body; keyed by status. */
    static ObjectNode responses(ObjectMapper json) {
        ObjectNode responses = json.createObjectNode();
        response(json, responses, "GatewayUnauthorized", "No valid API key was sent (WWW-Authenticate names the scheme)",
                "https://beian.dev/problems/unauthorized", "Unauthorized", 401, null);
        response(json, responses, "GatewayForbidden", "The API key's role does not allow this operation",
                "https://beian.dev/problems/forbidden", "Forbidden", 403, null);
        response(json, responses, "GatewayTooManyRequests", "The caller's rate limit is used up",
                "https://beian.dev/problems/rate-limited", "Too many requests", 429, "Retry-After");
        response(json, responses, "GatewayServiceUnavailable", "The service behind the gateway is down",
                "https://beian.dev/problems/backend-unavailable", "Service unavailable", 503, "Retry-After");
        response(json, responses, "GatewayTimeout", "The service behind the gateway did not answer in time",
                "https://beian.dev/problems/backend-timeout", "Gateway timeout", 504, null);
        return responses;
    }

    private static void response(ObjectMapper json, ObjectNode responses, String name, String description,
                                 String type, String title, int status, String header) {
        ObjectNode response = responses.putObject(name).put("description", description);
        if (header != null) {
            response.putObject("headers").putObject(header).put("description", "Seconds to wait before retrying")
                    .putObject("schema").put("type", "integer");
        }
        ObjectNode media = response.putObject("content").putObject("application/problem+json");
        media.putObject("schema").put("$ref", "#/components/schemas/Problem");
        media.putObject("example").put("type", type).put("title", title).put("status", status)
                .put("detail", description).put("instance", "/api/v1/filings")
                .put("requestId", "3f1c9a7e-4a1b-4a52-9d2e-0f8b6a1d2c3e");
    }

    static ObjectNode ownTag(ObjectMapper json) {
        return json.createObjectNode().put("name", OWN_TAG)
                .put("description", "What the gateway serves itself: the dashboard and the API's index");
    }

    /**
     * The dashboard ({@code GET /}) and the API's index ({@code GET /api/v1}; {@code /api/v1/} answers the same).
     * Both are public reads.
     */
    static ObjectNode ownPaths(ObjectMapper json, boolean rateLimited) {
        ObjectNode paths = json.createObjectNode();
        ObjectNode dashboard = paths.putObject("/").putObject("get");
        dashboard.putArray("tags").add(OWN_TAG);
        dashboard.put("operationId", "getDashboard").put("summary", "The live dashboard (an HTML page)")
                .put("description", "Summary figures, categories, jurisdictions, growth beside the official totals, top "
                        + "organizations, open-weights share, adoption and a search, drawn from this API. It polls the "
                        + "insights endpoints with If-None-Match and says when a service cannot be reached. Scripts and "
                        + "styles come from this origin only (Content-Security-Policy); the chart library (Apache "
                        + "ECharts) is served by the gateway under /_static/.");
        dashboard.putArray("security").addObject();
        ObjectNode page = dashboard.putObject("responses").putObject("200")
                .put("description", "The dashboard page");
        page.putObject("headers").putObject("Content-Security-Policy")
                .put("description", "Same-origin scripts, styles and connections only; no framing")
                .putObject("schema").put("type", "string");
        page.putObject("content").putObject("text/html").putObject("schema").put("type", "string");

        ObjectNode index = paths.putObject("/api/v1").putObject("get");
        index.putArray("tags").add(OWN_TAG);
        index.put("operationId", "getApiIndex").put("summary", "Where everything is: links to the API's collections, "
                        + "the OpenAPI document and Swagger UI")
                .put("description", "Like the root of the GitHub API: one link per collection or document, templated "
                        + "(RFC 6570) where it takes parameters. Also answered at /api/v1/. With If-None-Match holding "
                        + "the current ETag, 304.");
        index.set("security", security(json, true));
        ObjectNode responses = index.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", "The index");
        ok.putObject("headers").putObject("ETag").putObject("schema").put("type", "string");
        ObjectNode media = ok.putObject("content").putObject("application/json");
        media.putObject("schema").put("$ref", "#/components/schemas/" + API_INDEX_SCHEMA);
        ObjectNode example = media.putObject("example").put("name", "Beian API").put("version", "v1");
        ApiIndex.links().forEach(example::put);
        responses.putObject("304").put("description", "Not modified: If-None-Match holds the current ETag");
        if (rateLimited) {
            responses.putObject("429").put("$ref", "#/components/responses/GatewayTooManyRequests");
        }
        return paths;
    }

    static ObjectNode apiIndexSchema(ObjectMapper json) {
        ObjectNode schema = json.createObjectNode().put("type", "object")
                .put("description", "Links to the API's collections and documents");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("name").put("type", "string");
        properties.putObject("description").put("type", "string");
        properties.putObject("version").put("type", "string");
        for (Map.Entry<String, String> link : ApiIndex.links().entrySet()) {
            properties.putObject(link.getKey()).put("type", "string").put("example", link.getValue());
        }
        schema.putArray("required").add("name").add("version").add("filingsUrl").add("openapiUrl").add("swaggerUiUrl");
        return schema;
    }
}
