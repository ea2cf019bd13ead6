package dev.beian.registry.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A real HTTP endpoint on a free loopback port that records what it receives and answers as told. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String id, String timestamp, String signature, String body, long receivedNanos) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Answers 500 to this many requests, then 200. */
    final AtomicInteger failNext = new AtomicInteger();
    volatile boolean alwaysFail;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8), System.nanoTime()));
            boolean fail = alwaysFail || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = (fail ? "receiver trouble" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** What arrived whose body contains {@code marker}, in arrival order. */
    List<Received> with(String marker) {
        return new ArrayList<>(received.stream().filter(r -> r.body().contains(marker)).toList());
    }

    /** Waits until {@code condition} holds for the deliveries carrying {@code marker}; fails after {@code timeout}. */
    List<Received> await(String marker, Predicate<List<Received>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> matching = with(marker);
            if (condition.test(matching)) {
                return matching;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Receiver did not get what was expected for " + marker + " within " + timeout
                + "; got " + with(marker).size() + " deliveries");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
