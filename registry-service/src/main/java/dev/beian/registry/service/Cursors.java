package dev.beian.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beian.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination cursors: base64url of a small JSON object holding the sort and the last row's keys.
 * Clients must treat them as opaque; a cursor that does not decode, or belongs to another sort, is a 400.
 */
public final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursors() {
    }

    public static String encode(ObjectNode position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(position.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static ObjectNode decode(String cursor) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (Exception e) {
            // fall through: any undecodable cursor is the client's error
        }
        throw ProblemException.invalidParameter("cursor", "is not a cursor this API issued");
    }

    public static ObjectNode position() {
        return JSON.createObjectNode();
    }

    public static String encodeId(long id) {
        return encode(position().put("id", id));
    }

    public static long decodeId(String cursor) {
        JsonNode id = decode(cursor).get("id");
        if (id == null || !id.canConvertToLong()) {
            throw ProblemException.invalidParameter("cursor", "is not a cursor this API issued");
        }
        return id.asLong();
    }
}
