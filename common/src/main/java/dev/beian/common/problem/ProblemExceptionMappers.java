package dev.beian.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem answer: one method per exception kind. Nothing leaks a stack
 * trace; unexpected failures are logged with their request id and answered with a bare 500 problem.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uriInfo) {
        Map<String, String> headers = e.headers();
        if (e.status() == 503 && headers.keySet().stream().noneMatch("Retry-After"::equalsIgnoreCase)) {
            headers = new java.util.HashMap<>(headers);
            headers.put("Retry-After", Integer.toString(DatabaseFaults.RETRY_AFTER_SECONDS));
        }
        return Problems.response(e.status(), e.slug(), e.title(), e.getMessage(), uriInfo, e.errors(), headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uriInfo) {
        int status = e.getResponse().getStatus();
        // The JSON reader answers a body that is not JSON at all with a bare 400 around the parser's error.
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uriInfo);
        }
        if (status >= 500 && DatabaseFaults.unavailable(e)) {
            return databaseUnavailable(uriInfo);
        }
        if (status >= 500) {
            LOG.errorf(e, "Request failed with %d", status);
        }
        Map<String, String> headers = e.getResponse().getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Allow") || h.getKey().equalsIgnoreCase("Retry-After"))
                .collect(Collectors.toMap(Map.Entry::getKey, h -> String.valueOf(h.getValue().get(0))));
        return Problems.response(status, Problems.slug(status), Problems.title(status), detailOf(status, e), uriInfo,
                List.of(), headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uriInfo) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : null;
        String message = ProblemText.describe(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "is not a known field";
            field = pathOf(unknown);
        }
        if (field == null || field.isEmpty()) {
            return Problems.response(400, "malformed-json", "Malformed JSON", e instanceof MismatchedInputException
                    ? "The request body " + message : "The request body is not valid JSON: " + message, uriInfo);
        }
        return Problems.response(400, "validation", "Invalid request", "Field '" + field + "' " + message,
                uriInfo, List.of(new Problem.FieldError(field, message)), Map.of());
    }

    /** Jackson's own mapper for this more specific type would answer plain JSON; we keep the problem shape. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uriInfo) {
        return malformedJson(e, uriInfo);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uriInfo) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(400, "validation", "Invalid request",
                "The request has " + errors.size() + " invalid field(s)", uriInfo, errors, Map.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uriInfo) {
        if (DatabaseFaults.unavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return databaseUnavailable(uriInfo);
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(500, "internal", "Internal error",
                "The server could not complete the request; quote the request id to support", uriInfo);
    }

    /** The answer while the service's database cannot be reached: temporary, so 503 with Retry-After. */
    public static Response databaseUnavailable(UriInfo uriInfo) {
        return Problems.response(503, "unavailable", "Service unavailable",
                "The database cannot be reached right now; retry shortly", uriInfo, List.of(),
                Map.of("Retry-After", Integer.toString(DatabaseFaults.RETRY_AFTER_SECONDS)));
    }

    private static String detailOf(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not accepted here";
            default -> status >= 500 ? "The server could not complete the request" : e.getMessage();
        };
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** A constraint path like {@code create.body.name} is reported as {@code name}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}
