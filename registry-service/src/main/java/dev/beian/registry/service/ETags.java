package dev.beian.registry.service;

import dev.beian.common.problem.ProblemException;

import java.util.Arrays;

/** Strong entity tags derived from an entity's optimistic-lock version, and the If-Match rule. */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"v" + version + "\"";
    }

    public static jakarta.ws.rs.core.EntityTag entityTag(int version) {
        return new jakarta.ws.rs.core.EntityTag("v" + version);
    }

    /** True when an If-None-Match header names the current version (or is *). */
    public static boolean matches(String header, int version) {
        return matches(header, of(version));
    }

    /** True when an If-None-Match header names {@code current} (a quoted tag), weakly compared, or is *. */
    public static boolean matches(String header, String current) {
        if (header == null || header.isBlank()) {
            return false;
        }
        return Arrays.stream(header.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }

    /** An If-Match that names another version means the client's copy is stale: 412. Absent means no check. */
    public static void checkIfMatch(String ifMatch, int version, String what) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, version)) {
            throw ProblemException.preconditionFailed(what + " has changed since you read it (now at version "
                    + version + ", ETag " + of(version) + "); read it again and retry");
        }
    }
}
