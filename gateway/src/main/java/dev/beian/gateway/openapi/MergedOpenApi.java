package dev.beian.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.beian.gateway.config.GatewayConfig;
import dev.beian.gateway.proxy.Backend;
import dev.beian.gateway.proxy.Backends;
import dev.beian.gateway.security.AccessPolicy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merged OpenAPI document, built from the services' own documents at run time so that it follows their
 * changes. It is served from a cache; a stale copy is served while a new one is built in the background. A
 * service whose document cannot be fetched is represented by its last good copy (or left out until it answers,
 * in which case the document is rebuilt on the next request).
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final long INCOMPLETE_RETRY_NANOS = 2_000_000_000L;

    /** One built document, in both encodings, with its entity tag. */
    public record Snapshot(byte[] json, byte[] yaml, String hash, long builtAt, boolean complete) {

        public String etag(boolean asYaml) {
            return "\"" + hash + (asYaml ? "-yaml" : "") + "\"";
        }
    }

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final YAMLMapper yaml = new YAMLMapper();
    private final Backends backends;
    private final OpenApiFetcher fetcher;
    private final OpenApiMerger merger;
    private final long refreshNanos;
    private final Map<String, ObjectNode> lastGood = new ConcurrentHashMap<>();

    private volatile Snapshot current;
    private Future<Snapshot> building;

    public MergedOpenApi(GatewayConfig config, Backends backends, Vertx vertx,
                         @ConfigProperty(name = "quarkus.application.version", defaultValue = "1") String version) {
        this.backends = backends;
        this.fetcher = new OpenApiFetcher(vertx, json, config.healthTimeout());
        this.merger = new OpenApiMerger(json, new AccessPolicy(config.adminPaths(), config.editorPaths(), config.requireKeyForReads()),
                config.rateLimit().enabled(), config.openapi().serverUrl(), version);
        this.refreshNanos = config.openapi().refresh().toNanos();
    }

    /** The current document; builds it first if there is none yet. */
    public Future<Snapshot> get() {
        Snapshot snapshot = current;
        if (snapshot == null) {
            return rebuild();
        }
        long age = System.nanoTime() - snapshot.builtAt();
        if (age > refreshNanos || (!snapshot.complete() && age > INCOMPLETE_RETRY_NANOS)) {
            rebuild();
        }
        return Future.succeededFuture(snapshot);
    }

    /** Starts a rebuild unless one is running; both callers share its result. */
    public synchronized Future<Snapshot> rebuild() {
        Future<Snapshot> running = building;
        if (running == null) {
            Promise<Snapshot> promise = Promise.promise();
            running = promise.future();
            building = running;
            List<Future<ObjectNode>> fetches = backends.all().stream().map(this::fetchOrLastGood).toList();
            Future.join(new ArrayList<>(fetches)).onComplete(done -> {
                try {
                    Snapshot built = build(fetches);
                    current = built;
                    promise.complete(built);
                } catch (RuntimeException e) {
                    LOG.error("Cannot build the merged OpenAPI document", e);
                    promise.fail(e);
                } finally {
                    synchronized (this) {
                        building = null;
                    }
                }
            });
        }
        return running;
    }

    private Future<ObjectNode> fetchOrLastGood(Backend backend) {
        return fetcher.fetch(backend)
                .onSuccess(document -> lastGood.put(backend.name(), document))
                .recover(failure -> {
                    LOG.debugf("OpenAPI of %s not fetched (%s); using the last good copy", backend.name(), failure.getMessage());
                    ObjectNode previous = lastGood.get(backend.name());
                    return previous == null ? Future.failedFuture(failure) : Future.succeededFuture(previous);
                });
    }

    private Snapshot build(List<Future<ObjectNode>> fetches) {
        List<ServiceDocument> documents = new ArrayList<>();
        List<Backend> all = backends.all();
        for (int i = 0; i < all.size(); i++) {
            if (fetches.get(i).succeeded()) {
                documents.add(new ServiceDocument(all.get(i).name(), fetches.get(i).result(), routedTo(all.get(i))));
            }
        }
        ObjectNode merged = merger.merge(documents);
        try {
            byte[] jsonBytes = json.writeValueAsBytes(merged);
            byte[] yamlBytes = yaml.writeValueAsString(merged).getBytes(StandardCharsets.UTF_8);
            return new Snapshot(jsonBytes, yamlBytes, hashOf(jsonBytes), System.nanoTime(), documents.size() == all.size());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths the proxy sends to this backend; keep in step with ProxyRoutes. */
    private java.util.function.Predicate<String> routedTo(Backend backend) {
        java.util.function.Predicate<String> insights = p -> p.equals("/api/v1/insights") || p.startsWith("/api/v1/insights/");
        if (backend == backends.insights()) {
            return insights;
        }
        return p -> p.startsWith("/api/v1/") && !insights.test(p);
    }

    private static String hashOf(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
