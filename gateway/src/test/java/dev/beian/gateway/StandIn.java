package dev.beian.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stand-in backend: echoes what arrived (backend name, method, uri, selected headers, body length) and has
 * a few special paths: {@code /api/v1/slow?ms=} answers late, as do {@code /api/v1/changes?wait=} (after the
 * wait) and {@code /api/v1/filings/import?ms=}, {@code /api/v1/flaky/<key>} drops the connection on
 * its first call per key, conditional headers against the ETag {@code "v1"} give 304/412. It can be stopped and
 * started again on the same port in the middle of a test.
 */
public final class StandIn {

    public static final String ETAG = "\"v1\"";

    private final Vertx vertx;
    private final String name;
    private final Buffer openapi;
    private volatile HttpServer server;
    private volatile int port;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> flakyHits = new ConcurrentHashMap<>();

    StandIn(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
        try (InputStream in = StandIn.class.getResourceAsStream("/standin/" + name + "-openapi.json")) {
            this.openapi = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        HttpServer created = vertx.createHttpServer().requestHandler(this::handle);
        port = await(created.listen(port, "127.0.0.1").map(HttpServer::actualPort));
        server = created;
    }

    /** Closes the listening socket and every open connection, like a process that died. */
    public synchronized void stop() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int peakInFlight() {
        return peakInFlight.get();
    }

    public void resetPeak() {
        peakInFlight.set(inFlight.get());
    }

    public int requests() {
        return requests.get();
    }

    public int flakyHits(String key) {
        return flakyHits.getOrDefault(key, new AtomicInteger()).get();
    }

    private void handle(HttpServerRequest request) {
        requests.incrementAndGet();
        String path = request.path();
        if (path.equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
        } else if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openapi);
        } else if (path.startsWith("/api/v1/flaky/")
                && flakyHits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet() == 1) {
            request.connection().close(); // the first call of each key gets no answer at all
        } else if (path.equals("/api/v1/slow") || path.equals("/api/v1/insights/slow")) {
            slow(request, Long.parseLong(request.getParam("ms", "1000")));
        } else if (path.equals("/api/v1/changes")) {
            slow(request, 1000 * Long.parseLong(request.getParam("wait", "0"))); // a poll finding no change
        } else if (path.equals("/api/v1/filings/import") && request.getParam("ms") != null) {
            long millis = Long.parseLong(request.getParam("ms")); // an import that takes its time
            request.body().onSuccess(body -> vertx.setTimer(millis, t -> answer(request, body)));
        } else {
            request.body().onSuccess(body -> answer(request, body));
        }
    }

    private void slow(HttpServerRequest request, long millis) {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        AtomicBoolean done = new AtomicBoolean();
        Runnable finish = () -> {
            if (done.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        request.connection().closeHandler(v -> finish.run());
        vertx.setTimer(millis, t -> {
            finish.run();
            if (!request.response().closed()) {
                answer(request, Buffer.buffer());
            }
        });
    }

    private void answer(HttpServerRequest request, Buffer body) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        String ifMatch = request.getHeader("If-Match");
        if (ETAG.equals(ifNoneMatch)) {
            request.response().setStatusCode(304).putHeader("ETag", ETAG).end();
            return;
        }
        if (ifMatch != null && !ETAG.equals(ifMatch)) {
            request.response().setStatusCode(412).putHeader("ETag", ETAG)
                    .putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 412).put("title", "Precondition failed").encode());
            return;
        }
        JsonObject echo = new JsonObject()
                .put("backend", name)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("host", request.getHeader("Host"))
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("actor", request.getHeader("X-Beian-Actor"))
                .put("authorization", request.getHeader("Authorization"))
                .put("apiKey", request.getHeader("X-API-Key"))
                .put("traceparent", request.getHeader("traceparent"))
                .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                .put("ifMatch", ifMatch)
                .put("bodyLength", body.length());
        var response = request.response().putHeader("Content-Type", "application/json").putHeader("ETag", ETAG);
        if (request.getParam("leak") != null) {
            // A backend that sets headers the gateway owns: they must not reach the client twice.
            response.putHeader("Access-Control-Allow-Origin", "*").putHeader("X-Request-Id", "from-backend")
                    .putHeader("Vary", "Accept");
        }
        response.end(echo.encode());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
