package dev.beian.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.beian.gateway.security.AccessPolicy;
import dev.beian.gateway.security.Role;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one the gateway publishes: the routed paths of each, their
 * components (a name two services use for different things is renamed with the service's name, and its
 * references follow; Problem and FieldError are shared), their tags, and the gateway's servers, security and
 * own answers. Pure: documents in, document out.
 */
public final class OpenApiMerger {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> SHARED_SCHEMAS = Set.of("Problem", "FieldError");

    private final ObjectMapper json;
    private final AccessPolicy policy;
    private final boolean rateLimited;
    private final String serverUrl;
    private final String version;

    public OpenApiMerger(ObjectMapper json, AccessPolicy policy, boolean rateLimited, String serverUrl, String version) {
        this.json = json;
        this.policy = policy;
        this.rateLimited = rateLimited;
        this.serverUrl = serverUrl;
        this.version = version;
    }

    public ObjectNode merge(List<ServiceDocument> services) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", services.stream().map(s -> s.document().path("openapi").asText(null))
                .filter(v -> v != null && !v.isBlank()).findFirst().orElse("3.1.0"));
        merged.putObject("info").put("title", "Beian API").put("version", version)
                .put("description", "Beian: the register of China's filed generative-AI services and insights about it. "
                        + "Reads are public unless the gateway requires keys; writes need an API key with the editor "
                        + "role, administrative operations the admin role. Errors are RFC 9457 problem details.");
        merged.putArray("servers").addObject().put("url", serverUrl).put("description", "This gateway");
        merged.set("security", GatewayAdditions.security(json, true));
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");

        Set<String> operationIds = new HashSet<>();
        ObjectNode own = GatewayAdditions.ownPaths(json, rateLimited);
        paths.setAll(own);
        own.findValues("operationId").forEach(id -> operationIds.add(id.asText()));
        for (ServiceDocument service : services) {
            ObjectNode document = service.document().deepCopy();
            renameConflictingComponents(document, components, service.name());
            mergeComponents(document.path("components"), components);
            mergeTags(document.path("tags"), tags);
            mergePaths(document.path("paths"), paths, service, operationIds, tags);
        }
        tags.add(GatewayAdditions.ownTag(json));
        ObjectNode schemas = components.withObjectProperty("schemas");
        schemas.set(GatewayAdditions.API_INDEX_SCHEMA, GatewayAdditions.apiIndexSchema(json));
        if (!schemas.has("Problem")) {
            schemas.set("Problem", GatewayAdditions.problemSchema(json));
        }
        components.withObjectProperty("responses").setAll(GatewayAdditions.responses(json));
        components.withObjectProperty("securitySchemes").setAll(GatewayAdditions.securitySchemes(json));
        return merged;
    }

    /** Renames this document's components that clash with different ones already merged, and its $refs to them. */
    private void renameConflictingComponents(ObjectNode document, ObjectNode merged, String service) {
        if (!(document.get("components") instanceof ObjectNode components)) {
            return;
        }
        Map<String, String> renames = new HashMap<>();
        for (String sectionName : fieldNames(components)) {
            JsonNode existing = merged.path(sectionName);
            if (!(components.get(sectionName) instanceof ObjectNode section) || sectionName.equals("securitySchemes")) {
                continue;
            }
            ObjectNode renamed = json.createObjectNode();
            section.fields().forEachRemaining(entry -> {
                String name = entry.getKey();
                boolean clash = existing.has(name) && !existing.get(name).equals(entry.getValue())
                        && !(sectionName.equals("schemas") && SHARED_SCHEMAS.contains(name));
                String newName = clash ? capitalize(service) + name : name;
                if (clash) {
                    renames.put("#/components/" + sectionName + "/" + name, "#/components/" + sectionName + "/" + newName);
                }
                renamed.set(newName, entry.getValue());
            });
            components.set(sectionName, renamed);
        }
        if (!renames.isEmpty()) {
            rewriteRefs(document, renames);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static void mergeComponents(JsonNode from, ObjectNode into) {
        for (Iterator<Map.Entry<String, JsonNode>> sections = from.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!section.getValue().isObject() || section.getKey().equals("securitySchemes")) {
                continue; // security is the gateway's business
            }
            ObjectNode target = into.withObjectProperty(section.getKey());
            section.getValue().fields().forEachRemaining(e -> {
                if (!target.has(e.getKey())) {
                    target.set(e.getKey(), e.getValue());
                }
            });
        }
    }

    private static void mergeTags(JsonNode from, ArrayNode into) {
        for (JsonNode tag : from) {
            String name = tag.path("name").asText();
            if (!name.isEmpty() && !hasTag(into, name)) {
                into.add(tag);
            }
        }
    }

    private static boolean hasTag(ArrayNode tags, String name) {
        for (JsonNode tag : tags) {
            if (tag.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void mergePaths(JsonNode from, ObjectNode into, ServiceDocument service, Set<String> operationIds,
                            ArrayNode tags) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey();
            if (!service.routedPaths().test(path) || into.has(path) || !entry.getValue().isObject()) {
                continue;
            }
            ObjectNode item = (ObjectNode) entry.getValue();
            item.remove("servers"); // every operation is called through the gateway
            for (String method : METHODS) {
                if (item.get(method) instanceof ObjectNode operation) {
                    adaptOperation(operation, method, path, service.name(), operationIds, tags);
                }
            }
            into.set(path, item);
        }
    }

    private void adaptOperation(ObjectNode operation, String method, String path, String service,
                                Set<String> operationIds, ArrayNode tags) {
        operation.remove("servers");
        String operationId = operation.path("operationId").asText("");
        if (operationId.isEmpty()) {
            operationId = method + path.replaceAll("[^A-Za-z0-9]+", "_");
        }
        if (operationIds.contains(operationId)) {
            operationId = service + "_" + operationId;
        }
        operationIds.add(operationId);
        operation.put("operationId", operationId);
        if (operation.path("summary").asText("").isBlank()) {
            operation.put("summary", method.toUpperCase(Locale.ROOT) + " " + path);
        }
        for (JsonNode tag : operation.path("tags")) {
            if (!hasTag(tags, tag.asText())) {
                tags.addObject().put("name", tag.asText());
            }
        }
        Optional<Role> role = policy.required(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), pathPrefix(path));
        operation.set("security", GatewayAdditions.security(json, role.isEmpty()));
        ObjectNode responses = operation.withObjectProperty("responses");
        if (role.isPresent()) {
            operation.put("description", (operation.path("description").asText("") + "\n\nNeeds an API key with the "
                    + role.get().label() + " role.").strip());
            addResponse(responses, "401", "GatewayUnauthorized");
            addResponse(responses, "403", "GatewayForbidden");
        }
        if (rateLimited) {
            addResponse(responses, "429", "GatewayTooManyRequests");
        }
        addResponse(responses, "503", "GatewayServiceUnavailable");
        addResponse(responses, "504", "GatewayTimeout");
    }

    private void addResponse(ObjectNode responses, String status, String component) {
        if (!responses.has(status)) {
            responses.putObject(status).put("$ref", "#/components/responses/" + component);
        }
    }

    /** A templated path ("/api/v1/filings/{id}") as the policy sees it: templates stand for one segment. */
    private static String pathPrefix(String path) {
        return path.replaceAll("\\{[^}/]*}", "x");
    }

    private static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
