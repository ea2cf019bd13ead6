package dev.beian.registry.rest;

import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Chooses between the JSON page and an export from the Accept header; JSON wins ties and wildcards. */
final class ExportFormat {

    private ExportFormat() {
    }

    /** The export media type the client prefers, or null for the JSON page. */
    static String negotiate(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return null;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return Headers.CSV;
            }
            if (type.getType().equals("application") && (type.getSubtype().equals("x-ndjson") || type.getSubtype().equals("jsonl"))) {
                return Headers.NDJSON;
            }
        }
        return null;
    }
}
