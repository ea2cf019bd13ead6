package dev.beian.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps problem text in the client's terms and of a readable size. Parser messages name Java types
 * ({@code `java.lang.Integer`}, {@code dev.beian...FilingInput}) that mean nothing to a client and tell an
 * attacker what runs inside; and a detail that echoes input (a million CSV headers) must not grow with it.
 */
public final class ProblemText {

    /** Longest detail sent; longer text is cut and marked with an ellipsis. */
    public static final int MAX_DETAIL = 500;
    /** Longest field name or field message in {@code errors}. */
    public static final int MAX_FIELD_TEXT = 200;
    /** Most field errors listed in one problem; the detail says how many there were. */
    public static final int MAX_ERRORS = 100;

    /** A fully qualified Java type name, with or without Jackson's backticks, and a "Type: " prefix after it. */
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "`?\\b(?:java|javax|jakarta|dev|org|com|io|net|sun|jdk)\\.(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:\\[])*`?(?::\\s)?");

    private ProblemText() {
    }

    /** {@code text} cut to {@code max} characters (never inside a surrogate pair), ellipsis included. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** {@code text} with Java type names taken out, as a last guard for messages from libraries. */
    public static String withoutJavaTypes(String text) {
        if (text == null) {
            return null;
        }
        return JAVA_TYPE.matcher(text).replaceAll(match -> match.group().endsWith(" ") ? "" : "value").strip();
    }

    /** What is wrong with a value Jackson could not read, in the client's terms ("must be a whole number"). */
    public static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            // A string refused by the text rules (NUL, lone surrogate): their message already says why.
            if (CharSequence.class.isAssignableFrom(format.getTargetType())) {
                return original(e);
            }
            return "'" + clip(String.valueOf(format.getValue()), 100) + "' is not " + expected(format.getTargetType());
        }
        if (e instanceof ValueInstantiationException) {
            return "has an invalid value";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return original(e);
    }

    /** The first line of the parser's own message, without Java type names. */
    private static String original(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "cannot be read";
        }
        int newline = message.indexOf('\n');
        return clip(withoutJavaTypes(newline < 0 ? message : message.substring(0, newline)), MAX_FIELD_TEXT);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date like 2024-01-31";
        }
        if (Temporal.class.isAssignableFrom(type) || type == OffsetDateTime.class) {
            return "a date and time like 2024-01-31T08:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "a JSON object";
        }
        return "of another type";
    }
}
