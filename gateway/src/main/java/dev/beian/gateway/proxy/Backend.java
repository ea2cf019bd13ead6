package dev.beian.gateway.proxy;

import java.net.URI;

/** A service behind the gateway: its name (as shown in health and problems) and base URL. */
public record Backend(String name, URI baseUrl) {

    public String host() {
        return baseUrl.getHost();
    }

    public int port() {
        return baseUrl.getPort() > 0 ? baseUrl.getPort() : 80;
    }
}
