package dev.beian.gateway.proxy;

import dev.beian.common.web.RequestIds;
import dev.beian.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Routes {@code /api/v1/**} to the backend that owns the path, streaming bodies both ways through
 * vertx-http-proxy over pooled keep-alive connections.
 */
@ApplicationScoped
public class ProxyRoutes {

    private final GatewayConfig config;
    private final Vertx vertx;

    public ProxyRoutes(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        HttpProxy insights = proxyTo(new Backend("insights", config.insightsUrl()));
        HttpProxy registry = proxyTo(new Backend("registry", config.registryUrl()));
        router.route("/api/v1/insights*").order(-100).handler(ctx -> insights.handle(ctx.request()));
        router.route("/api/v1/*").order(-99).handler(ctx -> registry.handle(ctx.request()));
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
        return HttpProxy.reverseProxy(client)
                .origin(backend.port(), backend.host())
                .addInterceptor(new RequestIdInterceptor());
    }

    /** Forwards the request id (kept when valid, otherwise made) and echoes it on the answer. */
    static final class RequestIdInterceptor implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String id = RequestIds.acceptOrCreate(context.request().headers().get(RequestIds.HEADER));
            context.request().headers().set(RequestIds.HEADER, id);
            context.set(RequestIds.HEADER, id);
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.response().headers().set(RequestIds.HEADER, context.get(RequestIds.HEADER, String.class));
            return context.sendResponse();
        }
    }
}
