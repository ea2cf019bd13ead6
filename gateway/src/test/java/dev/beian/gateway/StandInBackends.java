package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Two small HTTP servers standing in for the registry and insights services, so gateway tests can see where
 * a request went and what arrived, stop a backend mid-test and make it slow. Also sets the gateway's test
 * configuration: short timeouts, test API keys (configured by their SHA-256, as in production) and limits.
 * Tests get this instance in a field marked {@link Inject}.
 */
public class StandInBackends implements QuarkusTestResourceLifecycleManager {

    public static final String READER_KEY = "reader-key-0123456789";
    public static final String EDITOR_KEY = "editor-key-0123456789";
    public static final String ADMIN_KEY = "admin-key-0123456789";
    /** A key allowed 3 requests per window, to run out of. */
    public static final String LIMITED_KEY = "limited-key-0123456789";
    public static final String CORS_ORIGIN = "https://dash.example.org";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private Vertx vertx;
    private StandIn registry;
    private StandIn insights;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        registry = new StandIn(vertx, "registry");
        insights = new StandIn(vertx, "insights");
        registry.start();
        insights.start();
        Map<String, String> config = new HashMap<>();
        config.put("beian.gateway.registry-url", "http://127.0.0.1:" + registry.port());
        config.put("beian.gateway.insights-url", "http://127.0.0.1:" + insights.port());
        config.put("beian.gateway.connect-timeout", "1s");
        config.put("beian.gateway.request-timeout", "2s");
        config.put("beian.gateway.retry.backoff", "50ms");
        config.put("beian.gateway.circuit-breaker.failure-threshold", "3");
        config.put("beian.gateway.circuit-breaker.cool-down", "1s");
        config.put("beian.gateway.cors-origins", CORS_ORIGIN);
        config.put("beian.gateway.max-body-size", "1M");
        config.put("beian.gateway.max-import-body-size", "3M");
        config.put("beian.gateway.import-timeout", "8s");
        config.put("beian.gateway.max-header-size", "8K");
        key(config, "ci-reader", READER_KEY, "reader");
        key(config, "ci-editor", EDITOR_KEY, "editor");
        key(config, "ops-admin", ADMIN_KEY, "admin");
        key(config, "limited", LIMITED_KEY, "reader");
        config.put("beian.gateway.api-keys.limited.rate-limit", "3");
        return config;
    }

    private static void key(Map<String, String> config, String name, String key, String role) {
        config.put("beian.gateway.api-keys." + name + ".sha256", sha256(key));
        config.put("beian.gateway.api-keys." + name + ".role", role);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(Inject.class, StandInBackends.class));
    }

    public StandIn registry() {
        return registry;
    }

    public StandIn insights() {
        return insights;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
