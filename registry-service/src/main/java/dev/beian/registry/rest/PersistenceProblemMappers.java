package dev.beian.registry.rest;

import dev.beian.common.problem.Problems;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database rules that a concurrent request can still trip after the service's own checks passed (two
 * creates of one filing number at once): answered as conflicts, not 500s.
 */
public class PersistenceProblemMappers {

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uriInfo) {
        String state = e.getSQLState();
        if ("23505".equals(state)) {
            return Problems.response(409, "conflict", "Conflict",
                    "Another record already holds this unique value (" + e.getConstraintName() + ")", uriInfo);
        }
        return Problems.response(400, "constraint", "Invalid request",
                "The request breaks a database rule (" + e.getConstraintName() + ")", uriInfo);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uriInfo) {
        return Problems.response(409, "concurrent-update", "Concurrent update",
                "The record was changed by another request at the same time; read it again and retry", uriInfo);
    }
}
