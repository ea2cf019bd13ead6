package dev.beian.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One change to a filing: when, by whom, what kind, and each changed field's old and new value. */
@Schema(name = "HistoryEntry")
public record HistoryEntry(
        Instant at,
        @Schema(description = "API key name from the gateway, or anonymous", example = "editor-1") String actor,
        @Schema(example = "UPDATED", enumeration = {"CREATED", "UPDATED", "STATUS_CHANGED", "IMPORTED", "DELETED", "DEPLOYMENT_ADDED", "DEPLOYMENT_UPDATED", "DEPLOYMENT_REMOVED"}) String action,
        @Schema(description = "field -> {from, to}", example = "{\"nameEn\": {\"from\": null, \"to\": \"ERNIE Bot\"}}") JsonNode changes) {
}
