package dev.beian.registry.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one signed event to one subscriber. Vert.x's HttpClient rather than java.net.http: it connects to an
 * address we choose ({@link RequestOptions#setServer}) while Host and TLS name stay the URL's host, so the
 * address {@link TargetGuard} checked is the one connected to (java.net.http resolves again, which DNS
 * rebinding could exploit); and it lets us stop reading the answer after 1 KiB. Redirects are not followed.
 */
@ApplicationScoped
public class WebhookSender {

    static final int EXCERPT_BYTES = 1024;

    private final HttpClient client;
    private final TargetGuard guard;
    private final long connectMillis;
    private final long readMillis;

    public WebhookSender(Vertx vertx, TargetGuard guard, WebhookConfig config) {
        this.guard = guard;
        this.connectMillis = config.connectTimeout().toMillis();
        this.readMillis = config.readTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectMillis)
                .setIdleTimeout((int) readMillis).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxPoolSize(Math.max(8, config.workers() * 2))
                .setForceSni(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The outcome of one attempt; {@code statusCode} is null when no answer came. */
    public record Attempt(Integer statusCode, int latencyMs, String excerpt, String error) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    public Attempt send(String url, List<String> secrets, String messageId, byte[] body) {
        long start = System.nanoTime();
        URI uri = URI.create(url);
        InetAddress address;
        try {
            address = guard.resolve(uri);
        } catch (TargetGuard.RefusedTarget e) {
            return new Attempt(null, elapsed(start), null, "Refused target: " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST).setSsl(https)
                .setHost(uri.getHost()).setPort(port).setURI(path)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setConnectTimeout(connectMillis).setIdleTimeout(readMillis)
                .setFollowRedirects(false)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Beian-Webhooks/1.0")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignatures.header(secrets, messageId, timestamp, body));
        CompletableFuture<Attempt> outcome = new CompletableFuture<>();
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                outcome.complete(new Attempt(null, elapsed(start), null, describe(opened.cause())));
                return;
            }
            HttpClientRequest request = opened.result();
            request.send(Buffer.buffer(body)).onComplete(answered -> {
                if (answered.failed()) {
                    outcome.complete(new Attempt(null, elapsed(start), null, describe(answered.cause())));
                    return;
                }
                var response = answered.result();
                int status = response.statusCode();
                Buffer excerpt = Buffer.buffer();
                response.handler(chunk -> {
                    int room = EXCERPT_BYTES - excerpt.length();
                    excerpt.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                    if (excerpt.length() >= EXCERPT_BYTES && !outcome.isDone()) {
                        // Enough to show; the rest of a long answer is not read at all.
                        outcome.complete(new Attempt(status, elapsed(start), text(excerpt), null));
                        request.reset();
                    }
                });
                response.exceptionHandler(e -> outcome.complete(new Attempt(status, elapsed(start), text(excerpt), null)));
                response.endHandler(v -> outcome.complete(new Attempt(status, elapsed(start), text(excerpt), null)));
            });
        });
        try {
            return outcome.get(connectMillis + readMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Attempt(null, elapsed(start), null, "Timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, elapsed(start), null, "Interrupted");
        } catch (ExecutionException e) {
            return new Attempt(null, elapsed(start), null, describe(e.getCause()));
        }
    }

    private static int elapsed(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }

    /** PostgreSQL text cannot hold NUL; the excerpt is for people, so an odd byte may be shown replaced. */
    private static String text(Buffer excerpt) {
        return excerpt.length() == 0 ? null : excerpt.toString(StandardCharsets.UTF_8).replace('\0', '\uFFFD');
    }

    /** What went wrong, in words; no stack trace and no class name reach the log a user reads. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "Connection failed" : failure.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
