package dev.beian.insights;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the registry's change feed (docs/change-feed.md): serves a scripted list of events with
 * opaque cursors, honours {@code after} and {@code limit}, holds long-polls up to {@code wait} seconds until an
 * event is appended, and answers 400 to a cursor it never issued. It can be stopped and restarted on the same
 * port, and can cap batches below {@code limit} as a registry may.
 */
public final class StandInRegistry {

    private static StandInRegistry shared;

    private final Vertx vertx = Vertx.vertx();
    private final int port;
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final List<String> requestedAfter = new CopyOnWriteArrayList<>();
    private final List<Runnable> waiting = new CopyOnWriteArrayList<>();
    /** Cursors carry the epoch: replacing the feed invalidates the cursors of the previous script. */
    private volatile int epoch = 1;
    private volatile int maxBatch = Integer.MAX_VALUE;
    private HttpServer server;

    private StandInRegistry(int port) {
        this.port = port;
    }

    /** The one stand-in of the test run, listening on the port the follower was configured with. */
    public static synchronized StandInRegistry shared() {
        if (shared == null) {
            shared = new StandInRegistry(ConfigProvider.getConfig().getValue("beian.test.registry-port", Integer.class));
            shared.start();
        }
        return shared;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        HttpServer created = vertx.createHttpServer().requestHandler(this::handle);
        try {
            created.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the stand-in registry on port " + port, e);
        }
        server = created;
    }

    /** Stops listening and drops open connections: the registry is down. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        waiting.clear();
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server = null;
    }

    /** Replaces the whole feed (a new registry history); earlier cursors become invalid. */
    public void replace(List<JsonObject> script) {
        epoch++;
        events.clear();
        requestedAfter.clear();
        maxBatch = Integer.MAX_VALUE;
        append(script);
    }

    /** Adds events at the end of the feed, waking held long-polls. */
    public void append(List<JsonObject> script) {
        for (JsonObject event : script) {
            JsonObject copy = event.copy();
            copy.put("cursor", cursor(events.size() + 1));
            events.add(copy);
        }
        List<Runnable> wake = new ArrayList<>(waiting);
        waiting.clear();
        wake.forEach(r -> vertx.runOnContext(v -> r.run()));
    }

    public void maxBatch(int max) {
        this.maxBatch = max;
    }

    public String lastCursor() {
        return events.isEmpty() ? null : cursor(events.size());
    }

    /** The {@code after} of every poll since the feed was replaced ("" for none). */
    public List<String> requestedAfter() {
        return List.copyOf(requestedAfter);
    }

    private String cursor(int position) {
        return String.format("e%d-%06d", epoch, position);
    }

    private void handle(HttpServerRequest request) {
        if (!request.path().equals("/api/v1/changes")) {
            request.response().setStatusCode(404).end();
            return;
        }
        String after = request.getParam("after");
        requestedAfter.add(after == null ? "" : after);
        int start;
        if (after == null) {
            start = 0;
        } else {
            Matcher m = Pattern.compile("e(\\d+)-(\\d{6})").matcher(after);
            if (!m.matches() || Integer.parseInt(m.group(1)) != epoch || Integer.parseInt(m.group(2)) > events.size()) {
                problem(request, "Parameter 'after' is not a cursor of this feed");
                return;
            }
            start = Integer.parseInt(m.group(2));
        }
        int limit = Integer.parseInt(request.getParam("limit", "100"));
        int waitSeconds = Integer.parseInt(request.getParam("wait", "0"));
        if (limit < 1 || limit > 1000 || waitSeconds < 0 || waitSeconds > 30) {
            problem(request, "limit must be 1..1000 and wait 0..30");
            return;
        }
        if (start >= events.size() && waitSeconds > 0) {
            boolean[] answered = {false};
            Runnable answer = () -> {
                if (!answered[0]) {
                    answered[0] = true;
                    answer(request, after, start, limit);
                }
            };
            waiting.add(answer);
            vertx.setTimer(waitSeconds * 1000L, id -> answer.run());
            return;
        }
        answer(request, after, start, limit);
    }

    private void answer(HttpServerRequest request, String after, int start, int limit) {
        if (request.response().closed() || request.response().ended()) {
            return;
        }
        int end = Math.min(events.size(), start + Math.min(limit, maxBatch));
        JsonArray batch = new JsonArray();
        for (int i = start; i < end; i++) {
            batch.add(events.get(i));
        }
        String next = end > start ? cursor(end) : after;
        request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("events", batch).put("nextCursor", next).encode());
    }

    private static void problem(HttpServerRequest request, String detail) {
        request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://beian.dev/problems/invalid-parameter")
                        .put("title", "Invalid parameter").put("status", 400).put("detail", detail).encode());
    }
}
