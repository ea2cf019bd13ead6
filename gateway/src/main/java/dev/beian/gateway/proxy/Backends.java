package dev.beian.gateway.proxy;

import dev.beian.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The two backends, each with its own circuit breaker, shared by the proxy, OpenAPI merging and health. */
@ApplicationScoped
public class Backends {

    private final Backend registry;
    private final Backend insights;

    public Backends(GatewayConfig config) {
        this.registry = backend("registry", config.registryUrl().toString(), config);
        this.insights = backend("insights", config.insightsUrl().toString(), config);
    }

    private static Backend backend(String name, String url, GatewayConfig config) {
        CircuitBreaker breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                config.circuitBreaker().coolDown(), System::nanoTime);
        return new Backend(name, java.net.URI.create(url), breaker);
    }

    public Backend registry() {
        return registry;
    }

    public Backend insights() {
        return insights;
    }

    public List<Backend> all() {
        return List.of(registry, insights);
    }
}
