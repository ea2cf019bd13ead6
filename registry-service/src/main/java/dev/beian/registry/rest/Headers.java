package dev.beian.registry.rest;

/** Header names the registry reads or writes. */
public final class Headers {

    /** Set by the gateway to the authenticated API key's name; absent for direct calls. */
    public static final String ACTOR = "X-Beian-Actor";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private Headers() {
    }

    public static String actor(String header) {
        return header == null || header.isBlank() ? "anonymous" : header.strip();
    }
}
