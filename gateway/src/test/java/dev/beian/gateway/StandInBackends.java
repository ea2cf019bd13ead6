package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two small HTTP servers standing in for the registry and insights services, so gateway tests can see where
 * a request went and what arrived. Each echoes the backend name, method, path, request id and body length.
 */
public class StandInBackends implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int registryPort = listen("registry");
        int insightsPort = listen("insights");
        return Map.of(
                "beian.gateway.registry-url", "http://127.0.0.1:" + registryPort,
                "beian.gateway.insights-url", "http://127.0.0.1:" + insightsPort);
    }

    private int listen(String name) {
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                if (request.path().equals("/q/health/ready")) {
                    request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
                    return;
                }
                JsonObject echo = new JsonObject()
                        .put("backend", name)
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("requestId", request.getHeader("X-Request-Id"))
                        .put("bodyLength", body.length());
                request.response().putHeader("Content-Type", "application/json")
                        .putHeader("ETag", "\"v1\"")
                        .end(echo.encode());
            }));
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start stand-in backend " + name, e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
