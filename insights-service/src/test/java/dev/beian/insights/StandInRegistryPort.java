package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Reserves the port of the stand-in registry and points the follower at it. The stand-in itself runs in the
 * tests ({@link StandInRegistry}), which stop and restart it to simulate registry downtime.
 */
public class StandInRegistryPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("beian.insights.registry-url", "http://127.0.0.1:" + port,
                "beian.test.registry-port", String.valueOf(port));
    }

    @Override
    public void stop() {
    }
}
