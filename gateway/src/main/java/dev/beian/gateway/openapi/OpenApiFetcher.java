package dev.beian.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beian.gateway.proxy.Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.time.Duration;

/** Fetches a backend's own OpenAPI document (its {@code /q/openapi} as JSON) over a small separate pool. */
final class OpenApiFetcher {

    private final HttpClient client;
    private final ObjectMapper json;
    private final long timeoutMillis;

    OpenApiFetcher(Vertx vertx, ObjectMapper json, Duration timeout) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(2)
                .setConnectTimeout((int) timeout.toMillis()));
        this.json = json;
        this.timeoutMillis = timeout.toMillis();
    }

    Future<ObjectNode> fetch(Backend backend) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setServer(backend.address()).setHost(backend.host()).setPort(backend.port())
                .setURI("/q/openapi?format=json").putHeader("Accept", "application/json")
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(backend.name() + " answered " + response.statusCode()))
                .compose(body -> {
                    try {
                        JsonNode document = json.readTree(body.getBytes());
                        return document instanceof ObjectNode object && object.has("paths")
                                ? Future.succeededFuture(object)
                                : Future.failedFuture(backend.name() + " sent no OpenAPI document");
                    } catch (IOException e) {
                        return Future.failedFuture(e);
                    }
                });
    }
}
