package dev.beian.gateway.proxy;

import dev.beian.gateway.config.GatewayConfig;
import dev.beian.gateway.edge.RouteOrder;
import dev.beian.gateway.forwarding.TrustedProxies;
import io.netty.util.concurrent.FastThreadLocal;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Routes {@code /api/v1/insights/**} to insights and every other {@code /api/v1/**} path to the registry,
 * streaming bodies both ways through vertx-http-proxy over pooled keep-alive connections, one pool per backend
 * so that a dead backend cannot starve the other's routes.
 *
 * <p>Each event loop has its own proxies and pools. A pooled connection belongs to the event loop that opened
 * it; shared by all loops, most calls would cross from the client's loop to the connection's and back, which
 * cost about a quarter of the gateway's CPU per request. Per loop, a call stays on the loop that accepted it.
 */
@ApplicationScoped
public class ProxyRoutes {

    private final GatewayConfig config;
    private final Vertx vertx;
    private final Backends backends;
    private final Optional<Integer> ioThreads;
    private final TrustedProxies trustedProxies;

    public ProxyRoutes(GatewayConfig config, Vertx vertx, Backends backends,
                       @ConfigProperty(name = "quarkus.http.io-threads") Optional<Integer> ioThreads,
                       TrustedProxies trustedProxies) {
        this.config = config;
        this.vertx = vertx;
        this.backends = backends;
        this.ioThreads = ioThreads;
        this.trustedProxies = trustedProxies;
    }

    void register(@Observes Router router) {
        int poolPerLoop = poolSizePerEventLoop(config.poolSize(), httpEventLoops());
        FastThreadLocal<HttpProxy> insights = perEventLoop(backends.insights(), poolPerLoop);
        FastThreadLocal<HttpProxy> registry = perEventLoop(backends.registry(), poolPerLoop);
        router.route("/api/v1/insights/*").order(RouteOrder.PROXY).handler(ctx -> insights.get().handle(ctx.request()));
        router.route("/api/v1/*").order(RouteOrder.PROXY + 1).handler(ctx -> registry.get().handle(ctx.request()));
    }

    /** The configured pool is the total per backend, shared out over the event loops (at least 8 each). */
    static int poolSizePerEventLoop(int total, int eventLoops) {
        return Math.max(8, (total + eventLoops - 1) / eventLoops);
    }

    /**
     * The event loops that serve HTTP, and so proxy: all of them, unless quarkus.http.io-threads names fewer; in
     * dev and test mode Quarkus serves on at most 2 unless it is set. A share on a loop that never proxies would
     * be lost to the pool.
     */
    private int httpEventLoops() {
        int loops = 0;
        for (var ignored : vertx.nettyEventLoopGroup()) {
            loops++;
        }
        loops = Math.max(1, loops);
        if (ioThreads.isPresent()) {
            return Math.max(1, Math.min(loops, ioThreads.get()));
        }
        return LaunchMode.current().isDevOrTest() ? Math.min(2, loops) : loops;
    }

    /** A proxy per event-loop thread, made on first use on that thread. */
    private FastThreadLocal<HttpProxy> perEventLoop(Backend backend, int poolSize) {
        return new FastThreadLocal<>() {
            @Override
            protected HttpProxy initialValue() {
                return proxyTo(backend, poolSize);
            }
        };
    }

    private HttpProxy proxyTo(Backend backend, int poolSize) {
        HttpClientOptions clientOptions = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout(60)
                .setTcpNoDelay(true);
        // Event-loop size 0 (the default): connections are opened on the calling event loop, which for this
        // client is always the same one.
        PoolOptions poolOptions = new PoolOptions()
                .setHttp1MaxSize(poolSize)
                .setMaxWaitQueueSize(config.maxWaitQueueSize());
        HttpClient client = vertx.createHttpClient(clientOptions, poolOptions);
        // No WebSocket tunnelling: the API has none, and upgrades would bypass the interceptors below.
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(new BackendOrigin(backend, client, config.connectTimeout()))
                .addInterceptor(new ResponseHeadersInterceptor())
                .addInterceptor(new CallInterceptor(vertx, backend, config, trustedProxies));
    }
}
