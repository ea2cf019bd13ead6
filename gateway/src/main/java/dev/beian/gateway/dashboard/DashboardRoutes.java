package dev.beian.gateway.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.gateway.edge.RouteOrder;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's own pages: the dashboard at {@code /} (files under {@code META-INF/resources}, served by Quarkus,
 * with the headers of {@link PageHeaders}) and the API's index at {@code /api/v1/}. The index runs after the API
 * guard, so it is rate limited and needs a key where reads do, like every other API read.
 */
@ApplicationScoped
public class DashboardRoutes {

    /** The dashboard's page and own files. */
    static final String[] PAGE_PATHS = {"/", "/index.html", "/dashboard/*"};
    /** Files of web libraries from Maven Central (mvnpm), under paths that name their version. */
    static final String LIBRARY_PATHS = "/_static/*";

    private final ApiIndex index;
    private final Vertx vertx;

    public DashboardRoutes(ObjectMapper mapper, Vertx vertx) {
        this.index = new ApiIndex(mapper);
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        PageHeaders revalidated = PageHeaders.revalidated();
        for (String path : PAGE_PATHS) {
            router.route(path).order(RouteOrder.PAGE).handler(revalidated);
        }
        router.route(LIBRARY_PATHS).order(RouteOrder.PAGE).handler(PageHeaders.immutable())
                .handler(new CompressedLibraryFiles(vertx));
        for (String path : new String[] {"/api/v1", "/api/v1/"}) {
            router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).order(RouteOrder.API_INDEX)
                    .handler(this::serveIndex);
        }
    }

    private void serveIndex(RoutingContext ctx) {
        ctx.response().putHeader("ETag", index.etag()).putHeader("Cache-Control", "no-cache");
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(index.etag()) || ifNoneMatch.trim().equals("*"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json; charset=UTF-8").end(Buffer.buffer(index.json()));
    }
}
