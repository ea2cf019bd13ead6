package dev.beian.registry.rest;

import dev.beian.common.time.RegisterDates;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Chooses between the JSON page and an export (from {@code format=} or else the Accept header; JSON wins ties and
 * wildcards), and names the exported file after what was filtered and when.
 */
final class ExportFormat {

    /** The filters a file name mentions, in this order; sort and paging say nothing about the content. */
    private static final List<String> NAMED_FILTERS = List.of("kind", "jurisdiction", "category", "sector", "status",
            "weightsAccess", "organization", "baseFilingId", "filedFrom", "filedTo", "q");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
            .withZone(RegisterDates.ZONE);
    private static final int MAX_VALUE_LENGTH = 40;

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

    /** The export named by {@code format=}: csv, ndjson (or jsonl), or json for the page (null). */
    static String fromParameter(String value, ParameterErrors invalid) {
        switch (value) {
            case "csv":
                return Headers.CSV;
            case "ndjson", "jsonl":
                return Headers.NDJSON;
            case "json":
                return null;
            default:
                invalid.reject("format", "must be json, csv or ndjson");
                return null;
        }
    }

    /**
     * {@code attachment} with a name like {@code filings_jurisdiction-CN-BJ_category-TEXT_20261204-1530.csv}: the
     * filters given, then the time of the export in China. A value outside ASCII (a Chinese {@code q}) is kept in
     * {@code filename*} (RFC 6266, UTF-8) and replaced by {@code _} in the plain {@code filename}.
     */
    static String contentDisposition(UriInfo uri, String format, Instant now) {
        StringBuilder name = new StringBuilder("filings");
        for (String filter : NAMED_FILTERS) {
            String value = uri.getQueryParameters().getFirst(filter);
            if (value != null && !value.isBlank()) {
                String kept = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value;
                name.append('_').append(filter).append('-').append(kept.replaceAll("[\\s/\\\\:*?\"<>|;,]+", "_"));
            }
        }
        name.append('_').append(STAMP.format(now)).append(Headers.CSV.equals(format) ? ".csv" : ".ndjson");
        String full = name.toString();
        String ascii = full.replaceAll("[^\\x20-\\x7E]", "_");
        String encoded = URLEncoder.encode(full, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
