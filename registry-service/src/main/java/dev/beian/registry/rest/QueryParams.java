package dev.beian.registry.rest;

import dev.beian.common.problem.ProblemException;
import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Parses query parameters strictly: a bad or unknown parameter is a 400 naming it, never an empty page. */
public final class QueryParams {

    private QueryParams() {
    }

    public static void onlyKnown(UriInfo uriInfo, Set<String> known) {
        for (String name : uriInfo.getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw ProblemException.invalidParameter(name, "is not a parameter of this operation; known: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + value + "'");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(name, "must be a date like 2024-05-13, not '" + value + "'");
        }
    }

    static Long positiveLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidParameter(name, "must be a positive whole number, not '" + value + "'");
    }

    /** A vocabulary code parameter: null when absent, else a known code. */
    static String code(String name, String value, int maxLength, Predicate<String> known, String what) {
        String code = text(name, value, maxLength);
        if (code != null && !known.test(code)) {
            throw ProblemException.invalidParameter(name, "'" + value + "' is not " + what);
        }
        return code;
    }

    public static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidParameter("limit", "must be a whole number from 1 to " + max + ", not '" + value + "'");
    }

    static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw ProblemException.invalidParameter(name, "must not be empty");
        }
        if (stripped.length() > maxLength) {
            throw ProblemException.invalidParameter(name, "must be at most " + maxLength + " characters");
        }
        return stripped;
    }
}
