package dev.beian.gateway.edge;

import dev.beian.gateway.problem.GatewayProblems;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Problem answers for what no route serves (404) and for failures inside the gateway's own handlers (500),
 * where Vert.x and Quarkus would otherwise answer with bodies of their own.
 */
@ApplicationScoped
public class FallbackRoutes {

    private static final Logger LOG = Logger.getLogger(FallbackRoutes.class);

    void register(@Observes Router router) {
        router.route().order(RouteOrder.EDGE).failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status >= 500) {
                LOG.error("Request failed", ctx.failure());
            }
            GatewayProblems.send(ctx, status, status >= 500 ? "internal" : "bad-request",
                    status >= 500 ? "Internal error" : "Bad request",
                    status >= 500 ? "The gateway could not complete the request; quote the request id to support"
                            : "The request cannot be served");
        });
        router.route().last().handler(ctx -> GatewayProblems.send(ctx, 404, "not-found", "Not found",
                "No resource at this path"));
    }
}
