package dev.beian.insights.follow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.insights.config.InsightsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads the registry's change feed ({@code GET /api/v1/changes}, see docs/change-feed.md) with the JDK HTTP
 * client: blocking calls on the follower's own thread, no event-loop involvement. A poll in flight can be
 * cancelled, so a rebuild or shutdown does not wait out a long-poll.
 */
@ApplicationScoped
public class ChangeFeedClient {

    private final InsightsConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private volatile CompletableFuture<HttpResponse<byte[]>> inFlight;

    public ChangeFeedClient(InsightsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.follow().connectTimeout())
                .build();
    }

    /** Events after {@code after} (null: from the start), waiting up to {@code waitSeconds} for new ones. */
    public ChangeBatch fetch(String after, int limit, int waitSeconds) throws FeedException, InterruptedException {
        URI uri = URI.create(base() + "/api/v1/changes?"
                + (after == null ? "" : "after=" + URLEncoder.encode(after, StandardCharsets.UTF_8) + "&")
                + "limit=" + limit + "&wait=" + waitSeconds);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(waitSeconds + 15L))
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status != 200) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new FeedException("Change feed answered " + status + ": " + abbreviate(body), status < 500, null);
        }
        try {
            ChangeBatch batch = json.readValue(response.body(), ChangeBatch.class);
            if (batch.nextCursor() == null && !batch.events().isEmpty()) {
                // Never store "no cursor" after events: that would replay the feed from its start forever.
                return new ChangeBatch(batch.events(), batch.events().get(batch.events().size() - 1).cursor());
            }
            return batch;
        } catch (IOException e) {
            throw new FeedException("Change feed answer is not readable: " + e.getMessage(), true, e);
        }
    }

    /** Aborts the poll in flight, if any; it then fails with a {@link FeedException}. */
    public void cancel() {
        CompletableFuture<HttpResponse<byte[]>> poll = inFlight;
        if (poll != null) {
            poll.cancel(true);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws FeedException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> poll = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        inFlight = poll;
        try {
            return poll.get();
        } catch (InterruptedException e) {
            poll.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new FeedException("Poll cancelled", true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new FeedException("Registry unreachable at " + base() + ": " + cause, false, cause);
        } finally {
            inFlight = null;
        }
    }

    private String base() {
        String url = config.registryUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
