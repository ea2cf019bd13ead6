package dev.beian.insights.follow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One event of the registry's change feed; {@code data} is the entity's full state after the change. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeEvent(String cursor, Instant occurredAt, String type, Long entityId, JsonNode data) {

    /** The entity family of the type, e.g. {@code filing} for {@code filing.status-changed}. */
    public String entity() {
        int dot = type == null ? -1 : type.indexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }

    public boolean isDelete() {
        return type != null && type.endsWith(".deleted");
    }
}
