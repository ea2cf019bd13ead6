package dev.beian.gateway.edge;

import dev.beian.common.problem.Problems;
import dev.beian.gateway.logging.AccessLogTarget;
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
            // A request Vert.x Web refuses before routing (GET *) reaches this without the edge handlers.
            RequestIdHandler.assign(ctx);
            AccessLogTarget.record(ctx);
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status >= 500) {
                LOG.error("Request failed", ctx.failure());
            }
            // Vert.x Web fails a request whose target is not a path (GET *) with 404: titled as what it is.
            GatewayProblems.send(ctx, status, Problems.slug(status), Problems.title(status),
                    status >= 500 ? "The gateway could not complete the request; quote the request id to support"
                            : status == 404 ? "No resource at this path" : "The request cannot be served");
        });
        router.route().last().handler(ctx -> GatewayProblems.send(ctx, 404, Problems.slug(404), Problems.title(404),
                "No resource at this path"));
    }
}
