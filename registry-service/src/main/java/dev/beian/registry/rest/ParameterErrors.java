package dev.beian.registry.rest;

import dev.beian.common.problem.Problem;
import dev.beian.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Collects the invalid query parameters of one request, so that a single 400 names every one of them and a
 * client can fix them all at once.
 */
final class ParameterErrors {

    private static final String INVALID_PARAMETER = "invalid-parameter";

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private ProblemException first;

    /** The parsed value, or null when the parameter is invalid (its error is kept for {@link #throwIfAny}). */
    <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (ProblemException e) {
            if (!INVALID_PARAMETER.equals(e.slug())) {
                throw e;
            }
            if (first == null) {
                first = e;
            }
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Records a parameter that is invalid in combination with others (nothing to parse). */
    void reject(String name, String message) {
        parse(() -> {
            throw ProblemException.invalidParameter(name, message);
        });
    }

    /** Answers 400 naming every invalid parameter, if there is any. */
    void throwIfAny() {
        if (first == null) {
            return;
        }
        if (errors.size() == 1) {
            throw first;
        }
        String names = errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", "));
        throw new ProblemException(400, INVALID_PARAMETER, "Invalid parameter",
                errors.size() + " parameters are invalid: " + names, errors, Map.of());
    }
}
