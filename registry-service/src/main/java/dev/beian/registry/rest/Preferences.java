package dev.beian.registry.rest;

import java.util.Locale;

/** The {@code Prefer} request header (RFC 7240), as far as the registry honours it. */
final class Preferences {

    static final String HEADER = "Prefer";
    static final String APPLIED = "Preference-Applied";
    static final String RESPOND_ASYNC = "respond-async";

    private Preferences() {
    }

    /** Whether the client asked for {@code respond-async}, alone or among other preferences. */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (token.equals(RESPOND_ASYNC)) {
                return true;
            }
        }
        return false;
    }
}
