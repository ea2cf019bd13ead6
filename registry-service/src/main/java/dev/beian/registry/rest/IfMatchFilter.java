package dev.beian.registry.rest;

import dev.beian.common.problem.Problems;
import dev.beian.registry.config.RegistryConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses an unconditional write of a versioned record when the registry requires {@code If-Match}
 * (RFC 6585 428 Precondition Required): without it, concurrent read-modify-write clients silently overwrite
 * each other's changes. Runs before the body is read, so a refused request costs and changes nothing.
 */
@Provider
@IfMatchRequired
public class IfMatchFilter implements ContainerRequestFilter {

    /**
     * Read on first use: Quarkus REST creates filters while the application starts, before config mappings
     * such as {@link RegistryConfig#requireIfMatch()} (which documents the setting) can be injected.
     */
    private volatile Boolean required;

    private boolean required() {
        Boolean value = required;
        if (value == null) {
            value = ConfigProvider.getConfig().getOptionalValue(RegistryConfig.REQUIRE_IF_MATCH, Boolean.class).orElse(false);
            required = value;
        }
        return value;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String ifMatch = request.getHeaderString(HttpHeaders.IF_MATCH);
        if (required() && (ifMatch == null || ifMatch.isBlank())) {
            request.abortWith(Problems.response(428, "precondition-required", "Precondition required",
                    "This registry requires If-Match on " + request.getMethod() + ": read the record, then send its ETag "
                            + "in If-Match so that a change made meanwhile is not overwritten (412 if there was one)",
                    request.getUriInfo()));
        }
    }
}
