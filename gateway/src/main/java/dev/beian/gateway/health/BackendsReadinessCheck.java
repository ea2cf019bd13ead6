package dev.beian.gateway.health;

import dev.beian.gateway.config.GatewayConfig;
import dev.beian.gateway.proxy.Backend;
import dev.beian.gateway.proxy.Backends;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Reports each backend's readiness, and its circuit breaker's state, in the gateway's readiness body. The
 * gateway stays ready while a backend is down, because the other backend's routes keep working; the body says
 * which one is unavailable.
 */
@Readiness
@ApplicationScoped
public class BackendsReadinessCheck implements HealthCheck {

    private final GatewayConfig config;
    private final Backends backends;
    private final HttpClient http;

    public BackendsReadinessCheck(GatewayConfig config, Backends backends) {
        this.config = config;
        this.backends = backends;
        this.http = HttpClient.newBuilder().connectTimeout(config.healthTimeout()).build();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("backends").up();
        for (Backend backend : backends.all()) {
            builder.withData(backend.name(), probe(backend.baseUrl()));
            builder.withData(backend.name() + "Circuit", backend.breaker().state().name().toLowerCase(Locale.ROOT));
        }
        return builder.build();
    }

    private String probe(URI baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready"))
                    .timeout(config.healthTimeout()).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? "UP" : "DOWN (readiness answered " + status + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        } catch (Exception e) {
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        }
    }
}
