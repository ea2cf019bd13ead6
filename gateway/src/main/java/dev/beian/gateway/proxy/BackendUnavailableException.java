package dev.beian.gateway.proxy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * No connection to a backend could be had: its breaker is open, it refused or did not accept the connection,
 * or the pool had none free in time. Nothing was sent, so any method could safely go elsewhere later.
 */
public final class BackendUnavailableException extends RuntimeException {

    public enum Reason { CIRCUIT_OPEN, CONNECT_FAILED, POOL_EXHAUSTED }

    private final Backend backend;
    private final Reason reason;

    BackendUnavailableException(Backend backend, Reason reason, Throwable cause) {
        super(backend.name() + " unavailable: " + reason, cause, false, false);
        this.backend = backend;
        this.reason = reason;
    }

    static BackendUnavailableException of(Backend backend, Throwable cause) {
        // Vert.x fails a pooled request that waited its connect timeout with a TimeoutException, while a TCP
        // connect that fails or times out is a ConnectException (Netty's ConnectTimeoutException is one).
        Reason reason = cause instanceof TimeoutException && !(cause instanceof ConnectException)
                ? Reason.POOL_EXHAUSTED : Reason.CONNECT_FAILED;
        return new BackendUnavailableException(backend, reason, cause);
    }

    public Backend backend() {
        return backend;
    }

    public Reason reason() {
        return reason;
    }
}
