package dev.beian.registry.service;

/** Small helpers for building SQL safely. */
public final class Sql {

    private Sql() {
    }

    /** Escapes LIKE wildcards so user text matches literally (with the default escape character \). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
