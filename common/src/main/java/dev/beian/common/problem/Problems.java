package dev.beian.common.problem;

import dev.beian.common.web.RequestIds;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds problem answers; the single place that decides how a problem response looks. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, UriInfo uriInfo,
                                    List<Problem.FieldError> errors, Map<String, String> headers) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem problem = new Problem(URI.create(Problem.TYPE_BASE + slug), title, status, detail, instance,
                RequestIds.current(), errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response response(int status, String slug, String title, String detail, UriInfo uriInfo) {
        return response(status, slug, title, detail, uriInfo, List.of(), Map.of());
    }
}
