package dev.beian.insights.rest;

import dev.beian.common.web.RequestIds;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Answers a dashboard's poll whose If-None-Match is still current with 304 on the event loop, before the
 * request is handed to a worker thread: the cheapest possible answer to the most frequent request.
 */
public class NotModifiedFilter {

    private static final String INSIGHTS = "/api/v1/insights/";

    private final ConditionalResponses conditional;

    public NotModifiedFilter(ConditionalResponses conditional) {
        this.conditional = conditional;
    }

    // Non-blocking filters must come before every blocking one, including the pre-matching request-id filter:
    // so this one is pre-matching too, and first.
    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = 0)
    public Optional<Response> notModified(ContainerRequestContext request) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        String path = request.getUriInfo().getPath();
        if (ifNoneMatch == null || !HttpMethod.GET.equals(request.getMethod()) || !path.startsWith(INSIGHTS)
                || path.startsWith(INSIGHTS + "official-totals") || path.startsWith(INSIGHTS + "admin")) {
            return Optional.empty();
        }
        // It runs before the request-id filter, so it echoes (or makes) the request id itself.
        return conditional.notModified(request.getUriInfo(), ifNoneMatch).map(response -> Response.fromResponse(response)
                .header(RequestIds.HEADER, RequestIds.acceptOrCreate(request.getHeaderString(RequestIds.HEADER))).build());
    }
}
