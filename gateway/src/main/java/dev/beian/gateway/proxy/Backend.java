package dev.beian.gateway.proxy;

import io.vertx.core.net.SocketAddress;

import java.net.URI;

/** A service behind the gateway: its name (as shown in health and problems), base URL and circuit breaker. */
public record Backend(String name, URI baseUrl, CircuitBreaker breaker) {

    public String host() {
        return baseUrl.getHost();
    }

    public int port() {
        return baseUrl.getPort() > 0 ? baseUrl.getPort() : 80;
    }

    public SocketAddress address() {
        return SocketAddress.inetSocketAddress(port(), host());
    }
}
