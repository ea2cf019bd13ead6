package dev.beian.gateway.health;

import dev.beian.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Reports each backend's readiness in the gateway's readiness body. The gateway stays ready while a backend
 * is down, because the other backend's routes keep working; the body says which one is unavailable.
 */
@Readiness
@ApplicationScoped
public class BackendsReadinessCheck implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient http;

    public BackendsReadinessCheck(GatewayConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.healthTimeout()).build();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("backends").up();
        builder.withData("registry", probe(config.registryUrl()));
        builder.withData("insights", probe(config.insightsUrl()));
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
