package dev.beian.common.problem;

import dev.beian.common.web.RequestIds;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Builds problem answers; the single place that decides how a problem response looks. Every answer is kept short
 * and in the client's terms here (see {@link ProblemText}), whatever built its text.
 */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, UriInfo uriInfo,
                                    List<Problem.FieldError> errors, Map<String, String> headers) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem problem = of(status, slug, title, detail, instance, errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The problem body itself, for answers given later than the request (an import job's outcome). */
    public static Problem of(int status, String slug, String title, String detail, String instance,
                             List<Problem.FieldError> errors) {
        String text = ProblemText.withoutJavaTypes(detail);
        List<Problem.FieldError> listed = errors;
        if (errors.size() > ProblemText.MAX_ERRORS) {
            listed = errors.subList(0, ProblemText.MAX_ERRORS);
            String note = " (the first " + ProblemText.MAX_ERRORS + " of " + errors.size() + " errors are listed)";
            text = ProblemText.clip(text, ProblemText.MAX_DETAIL - note.length()) + note;
        }
        listed = listed.stream().map(e -> new Problem.FieldError(ProblemText.clip(e.field(), ProblemText.MAX_FIELD_TEXT),
                ProblemText.clip(ProblemText.withoutJavaTypes(e.message()), ProblemText.MAX_FIELD_TEXT))).toList();
        return new Problem(URI.create(Problem.TYPE_BASE + slug), title, status,
                ProblemText.clip(text, ProblemText.MAX_DETAIL), instance, RequestIds.current(), listed);
    }

    public static Response response(int status, String slug, String title, String detail, UriInfo uriInfo) {
        return response(status, slug, title, detail, uriInfo, List.of(), Map.of());
    }

    /**
     * The one title every service and the gateway give a bare HTTP status, in sentence case ("Not found", never
     * "Not Found" beside it): a client matching on titles, or a person reading them, sees one wording.
     */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 408 -> "Request timeout";
            case 409 -> "Conflict";
            case 411 -> "Length required";
            case 412 -> "Precondition failed";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 428 -> "Precondition required";
            case 429 -> "Too many requests";
            case 431 -> "Request header fields too large";
            case 501 -> "Not implemented";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> status >= 500 ? "Internal error" : "HTTP " + status;
        };
    }

    /** The problem type slug of a bare HTTP status. */
    public static String slug(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "header-fields-too-large";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }
}
