package dev.beian.insights.rest;

import dev.beian.common.problem.ProblemException;
import dev.beian.common.time.RegisterDates;
import dev.beian.insights.api.Filters;
import dev.beian.insights.service.Vocabulary;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and validates query parameters: every bad value is a 400 problem naming the parameter, and so is a
 * parameter the endpoint does not know (a misspelt {@code asof} must not silently answer something else).
 */
final class QueryParams {

    static final List<String> KINDS = List.of("FILING", "REGISTRATION");

    private final MultivaluedMap<String, String> values;
    private final Vocabulary vocabulary;

    private QueryParams(MultivaluedMap<String, String> values, Vocabulary vocabulary) {
        this.values = values;
        this.vocabulary = vocabulary;
    }

    static QueryParams of(UriInfo uri, Vocabulary vocabulary, String... known) {
        MultivaluedMap<String, String> values = uri.getQueryParameters();
        Set<String> allowed = Set.of(known);
        for (String name : new TreeSet<>(values.keySet())) {
            if (!allowed.contains(name)) {
                throw ProblemException.invalidParameter(name, "is not a parameter of this endpoint"
                        + (known.length == 0 ? ", which takes none" : "; it takes " + String.join(", ", known)));
            }
            if (values.get(name).size() > 1) {
                throw ProblemException.invalidParameter(name, "must be given at most once");
            }
        }
        return new QueryParams(values, vocabulary);
    }

    /** The value, or null when absent; an empty value ({@code ?kind=}) is a value, and invalid everywhere. */
    String string(String name) {
        return values.getFirst(name);
    }

    LocalDate date(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(name, "must be a date as YYYY-MM-DD, not '" + value + "'");
        }
        if (!RegisterDates.contains(date)) {
            throw ProblemException.invalidParameter(name, RegisterDates.outOfRange(date)
                    + " (the filing dates the registry accepts)");
        }
        return date;
    }

    String kind() {
        return oneOf("kind", null, KINDS);
    }

    String jurisdiction() {
        String code = string("jurisdiction");
        if (code != null && vocabulary.jurisdiction(code).isEmpty()) {
            throw ProblemException.invalidParameter("jurisdiction", "must be a jurisdiction code such as CN-BJ or "
                    + "SASAC (see /api/v1/reference/jurisdictions), not '" + code + "'");
        }
        return code;
    }

    String oneOf(String name, String fallback, List<String> allowed) {
        String value = string(name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw ProblemException.invalidParameter(name, "must be one of " + String.join(", ", allowed)
                    + ", not '" + value + "'");
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) {
        String value = string(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidParameter(name, "must be an integer from " + min + " to " + max
                + ", not '" + value + "'");
    }

    /** kind, jurisdiction (when the endpoint takes it), from, to and asOf, with from not after to. */
    Filters filters(boolean withJurisdiction) {
        LocalDate from = date("from");
        LocalDate to = date("to");
        checkOrder(from, to);
        return new Filters(kind(), withJurisdiction ? jurisdiction() : null, from, to, date("asOf"));
    }

    static void checkOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalidParameter("from", "must not be after 'to' (" + from + " > " + to + ")");
        }
    }
}
