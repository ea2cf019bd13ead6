package dev.beian.gateway.openapi;

import dev.beian.gateway.edge.RouteOrder;
import dev.beian.gateway.problem.GatewayProblems;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves the merged document: {@code /openapi} as JSON, or YAML when asked with {@code Accept: application/yaml};
 * {@code /openapi.json} and {@code /openapi.yaml} for links that cannot set headers.
 */
@ApplicationScoped
public class OpenApiRoutes {

    private final MergedOpenApi document;

    public OpenApiRoutes(MergedOpenApi document) {
        this.document = document;
    }

    void register(@Observes Router router) {
        router.get("/openapi").order(RouteOrder.OPENAPI).handler(ctx -> serve(ctx, wantsYaml(ctx)));
        router.get("/openapi.json").order(RouteOrder.OPENAPI).handler(ctx -> serve(ctx, false));
        router.get("/openapi.yaml").order(RouteOrder.OPENAPI).handler(ctx -> serve(ctx, true));
    }

    private void serve(RoutingContext ctx, boolean yaml) {
        document.get().onComplete(ar -> {
            if (ar.failed()) {
                GatewayProblems.send(ctx, 500, "internal", "Internal error", "The OpenAPI document cannot be built");
                return;
            }
            MergedOpenApi.Snapshot snapshot = ar.result();
            String etag = snapshot.etag(yaml);
            ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "no-cache").putHeader("Vary", "Accept");
            String ifNoneMatch = ctx.request().getHeader("If-None-Match");
            if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
                ctx.response().setStatusCode(304).end();
                return;
            }
            ctx.response().putHeader("Content-Type", yaml ? "application/yaml; charset=UTF-8" : "application/json; charset=UTF-8")
                    .end(Buffer.buffer(yaml ? snapshot.yaml() : snapshot.json()));
        });
    }

    private static boolean wantsYaml(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        return accept != null && (accept.contains("application/yaml") || accept.contains("application/x-yaml")
                || accept.contains("text/yaml"));
    }
}
