package dev.beian.insights.rest;

import dev.beian.common.problem.Problem;
import dev.beian.common.problem.ProblemException;
import dev.beian.common.time.RegisterDates;
import dev.beian.insights.api.Filters;
import dev.beian.insights.query.Vocabulary;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads and validates query parameters: every bad value is a 400 problem naming the parameter, and so is a
 * parameter the endpoint does not know (a misspelt {@code asof} must not silently answer something else).
 * Errors are collected, not thrown one at a time: a resource reads all its parameters, then calls
 * {@link #throwIfInvalid()}, and one 400 names every invalid parameter, so a client fixes them all at once.
 */
final class QueryParams {

    static final List<String> KINDS = List.of("FILING", "REGISTRATION");
    private static final String INVALID_PARAMETER = "invalid-parameter";

    private final MultivaluedMap<String, String> values;
    private final Vocabulary vocabulary;
    /** The first error of each invalid parameter, in the order found. */
    private final Map<String, String> errors = new LinkedHashMap<>();

    private QueryParams(MultivaluedMap<String, String> values, Vocabulary vocabulary) {
        this.values = values;
        this.vocabulary = vocabulary;
    }

    static QueryParams of(UriInfo uri, Vocabulary vocabulary, String... known) {
        QueryParams q = new QueryParams(uri.getQueryParameters(), vocabulary);
        Set<String> allowed = Set.of(known);
        for (String name : new TreeSet<>(q.values.keySet())) {
            if (!allowed.contains(name)) {
                q.reject(name, "is not a parameter of this endpoint"
                        + (known.length == 0 ? ", which takes none" : "; it takes " + String.join(", ", known)));
            } else if (q.values.get(name).size() > 1) {
                q.reject(name, "must be given at most once");
            }
        }
        return q;
    }

    /** Records that {@code name} is invalid (only its first error is kept). */
    void reject(String name, String message) {
        errors.putIfAbsent(name, message);
    }

    /** Whether none of these parameters was found invalid so far. */
    boolean valid(String... names) {
        for (String name : names) {
            if (errors.containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    /** Answers 400 naming every invalid parameter, if there is any. */
    void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        List<Problem.FieldError> fields = new ArrayList<>();
        errors.forEach((name, message) -> fields.add(new Problem.FieldError(name, message)));
        if (fields.size() == 1) {
            Problem.FieldError only = fields.get(0);
            throw ProblemException.invalidParameter(only.field(), only.message());
        }
        String details = fields.stream().map(f -> "'" + f.field() + "' " + f.message())
                .collect(Collectors.joining("; "));
        throw new ProblemException(400, INVALID_PARAMETER, "Invalid parameter",
                fields.size() + " parameters are invalid: " + details, fields, Map.of());
    }

    /** The value, or null when absent; an empty value ({@code ?kind=}) is a value, and invalid everywhere. */
    String string(String name) {
        return values.getFirst(name);
    }

    /** The date, or null when absent or invalid (recorded). */
    LocalDate date(String name) {
        String value = string(name);
        if (value == null || !valid(name)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            reject(name, "must be a date as YYYY-MM-DD, not '" + value + "'");
            return null;
        }
        if (!RegisterDates.contains(date)) {
            reject(name, RegisterDates.outOfRange(date) + " (the filing dates the registry accepts)");
            return null;
        }
        return date;
    }

    String kind() {
        return oneOf("kind", null, KINDS);
    }

    /** The jurisdiction code, or null when absent or invalid (recorded). */
    String jurisdiction() {
        String code = string("jurisdiction");
        if (code != null && vocabulary.jurisdiction(code).isEmpty()) {
            reject("jurisdiction", "must be a jurisdiction code such as CN-BJ or SASAC (see "
                    + "/api/v1/reference/jurisdictions), not '" + code + "'");
            return null;
        }
        return code;
    }

    /** The value, or {@code fallback} when absent or invalid (recorded). */
    String oneOf(String name, String fallback, List<String> allowed) {
        String value = string(name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            reject(name, "must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
            return fallback;
        }
        return value;
    }

    /** The number, or {@code fallback} when absent or invalid (recorded). */
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
            // recorded below
        }
        reject(name, "must be an integer from " + min + " to " + max + ", not '" + value + "'");
        return fallback;
    }

    /**
     * kind, jurisdiction (when the endpoint takes it), from, to and asOf, with from not after to; throws the
     * 400 naming every invalid parameter (the endpoint takes no others).
     */
    Filters filters(boolean withJurisdiction) {
        LocalDate from = date("from");
        LocalDate to = date("to");
        checkOrder(from, to);
        Filters filters = new Filters(kind(), withJurisdiction ? jurisdiction() : null, from, to, date("asOf"));
        throwIfInvalid();
        return filters;
    }

    /** Records 'from' as invalid when it is after 'to'; false then. */
    boolean checkOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            reject("from", "must not be after 'to' (" + from + " > " + to + ")");
            return false;
        }
        return true;
    }
}
