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
}
