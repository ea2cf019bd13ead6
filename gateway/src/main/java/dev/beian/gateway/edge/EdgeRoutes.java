package dev.beian.gateway.edge;

import dev.beian.gateway.config.GatewayConfig;
import dev.beian.gateway.logging.AccessLogTarget;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/** Installs the handlers that every request meets first, whatever its path. */
@ApplicationScoped
public class EdgeRoutes {

    private final GatewayConfig config;

    public EdgeRoutes(GatewayConfig config) {
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(RouteOrder.EDGE)
                .handler(new RequestIdHandler())
                .handler(new AccessLogTarget())
                .handler(new CorsHandler(config.corsOrigins().orElse(List.of()), config.corsMaxAge()))
                .handler(new HeaderSizeHandler(config.maxHeaderSize().asLongValue()))
                .handler(new RequestTargetHandler(config.maxUriLength()));
    }
}
