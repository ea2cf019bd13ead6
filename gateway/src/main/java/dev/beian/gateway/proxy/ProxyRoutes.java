package dev.beian.gateway.proxy;

import dev.beian.gateway.config.GatewayConfig;
import dev.beian.gateway.edge.RouteOrder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Routes {@code /api/v1/insights/**} to insights and every other {@code /api/v1/**} path to the registry,
 * streaming bodies both ways through vertx-http-proxy over pooled keep-alive connections, one pool per backend
 * so that a dead backend cannot starve the other's routes.
 */
@ApplicationScoped
public class ProxyRoutes {

    private final GatewayConfig config;
    private final Vertx vertx;
    private final Backends backends;

    public ProxyRoutes(GatewayConfig config, Vertx vertx, Backends backends) {
        this.config = config;
        this.vertx = vertx;
        this.backends = backends;
    }

    void register(@Observes Router router) {
        HttpProxy insights = proxyTo(backends.insights());
        HttpProxy registry = proxyTo(backends.registry());
        router.route("/api/v1/insights/*").order(RouteOrder.PROXY).handler(ctx -> insights.handle(ctx.request()));
        router.route("/api/v1/*").order(RouteOrder.PROXY + 1).handler(ctx -> registry.handle(ctx.request()));
    }

    private HttpProxy proxyTo(Backend backend) {
        HttpClientOptions clientOptions = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout(60)
                .setTcpNoDelay(true);
        PoolOptions poolOptions = new PoolOptions()
                .setHttp1MaxSize(config.poolSize())
                .setMaxWaitQueueSize(config.maxWaitQueueSize());
        HttpClient client = vertx.createHttpClient(clientOptions, poolOptions);
        // No WebSocket tunnelling: the API has none, and upgrades would bypass the interceptors below.
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(new BackendOrigin(backend, client, config.connectTimeout()))
                .addInterceptor(new ResponseHeadersInterceptor())
                .addInterceptor(new CallInterceptor(vertx, backend, config));
    }
}
