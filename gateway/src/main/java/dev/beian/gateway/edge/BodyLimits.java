package dev.beian.gateway.edge;

/**
 * The largest request body per route: the registry's import route takes files, every other route small JSON.
 * Each limit stays at or below what the backend behind it accepts, so that an oversized body always gets the
 * gateway's own 413 problem, never a backend's bare 413 or a connection cut mid-body (a 502).
 */
public record BodyLimits(long ordinaryBytes, long importBytes) {

    /** The route that takes uploads (CSV or JSON Lines); the registry accepts up to its import.max-bytes there. */
    public static final String IMPORT_PATH = "/api/v1/filings/import";

    public long forPath(String path) {
        return isImport(path) ? importBytes : ordinaryBytes;
    }

    public static boolean isImport(String path) {
        return IMPORT_PATH.equals(path);
    }
}
