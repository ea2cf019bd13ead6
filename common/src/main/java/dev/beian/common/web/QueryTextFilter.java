package dev.beian.common.web;

import dev.beian.common.problem.ProblemException;
import dev.beian.common.text.TextRules;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Query parameters follow the same text rules as bodies ({@link TextRules}): {@code ?q=%00} is a 400 naming
 * {@code q}, checked once here for every operation instead of in each resource.
 */
public class QueryTextFilter {

    @ServerRequestFilter
    public void checkQueryText(ContainerRequestContext request) {
        if (request.getUriInfo().getRequestUri().getRawQuery() == null) {
            return;
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String nameViolation = TextRules.violation(parameter.getKey());
            if (nameViolation != null) {
                throw ProblemException.badRequest("A query parameter name " + nameViolation);
            }
            for (String value : parameter.getValue()) {
                String violation = TextRules.violation(value);
                if (violation != null) {
                    throw ProblemException.invalidParameter(parameter.getKey(), violation);
                }
            }
        }
    }
}
