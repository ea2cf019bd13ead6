package dev.beian.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Names API calls in the HTTP server metrics ({@code http_server_requests_seconds{uri=...}}) by the backend
 * they go to, {@code /api/v1/insights/*} or {@code /api/v1/*}, instead of by their full path. Without it every
 * filing id became a timer of its own until Micrometer's limit of URI tags refused further ones (dropping the
 * metrics of later paths altogether), and each call paid for looking up or creating its own meter. The name is
 * handed over the way RESTEasy Reactive hands over its URI templates: the {@code UrlPathTemplate} local of the
 * request's context, which Quarkus' Micrometer binding reads when the answer ends.
 */
public class MetricsPathHandler implements Handler<RoutingContext> {

    /** The context local Quarkus' Micrometer HTTP binding takes the URI tag from. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    static final String INSIGHTS = "/api/v1/insights/*";
    static final String REGISTRY = "/api/v1/*";
    private static final String INSIGHTS_PREFIX = "/api/v1/insights";

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(URL_PATH_TEMPLATE, template(request.path()));
        }
        ctx.next();
    }

    /** The metrics name of an API path: the proxy route it takes (see ProxyRoutes). */
    static String template(String path) {
        boolean insights = path != null && path.startsWith(INSIGHTS_PREFIX)
                && (path.length() == INSIGHTS_PREFIX.length() || path.charAt(INSIGHTS_PREFIX.length()) == '/');
        return insights ? INSIGHTS : REGISTRY;
    }
}
