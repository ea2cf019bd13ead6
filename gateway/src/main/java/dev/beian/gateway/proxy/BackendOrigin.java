package dev.beian.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Gets a pooled connection to one backend for a proxied call, guarded by the backend's circuit breaker and
 * bounded by the call's deadline: the connect (or pool wait) timeout and the idle timeout of the request are cut
 * to the time the call has left, so no attempt outlives the budget.
 */
final class BackendOrigin implements OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(BackendOrigin.class);

    /** The call's client disconnected before the call could be sent. */
    static final class ClientGoneException extends RuntimeException {
        ClientGoneException() {
            super("client disconnected", null, false, false);
        }
    }

    private final Backend backend;
    private final SocketAddress address;
    private final HttpClient client;
    private final long connectTimeoutMillis;

    BackendOrigin(Backend backend, HttpClient client, Duration connectTimeout) {
        this.backend = backend;
        this.address = backend.address(); // resolved once, not on every call
        this.client = client;
        this.connectTimeoutMillis = connectTimeout.toMillis();
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        CircuitBreaker breaker = backend.breaker();
        if (!breaker.tryAcquire()) {
            return Future.failedFuture(new BackendUnavailableException(backend,
                    BackendUnavailableException.Reason.CIRCUIT_OPEN, null));
        }
        long left = Math.max(1, CallDeadline.of(context).millisLeft());
        RequestOptions options = new RequestOptions()
                .setServer(address)
                .setHost(backend.host())
                .setPort(backend.port())
                .setConnectTimeout(Math.min(connectTimeoutMillis, left))
                .setIdleTimeout(left);
        return client.request(options).transform(ar -> {
            if (ar.succeeded()) {
                breaker.recordSuccess();
                // Failures reach the proxy through the response future; without a handler Vert.x would also
                // log each reset (e.g. of a call whose client left) as an unhandled error.
                ar.result().exceptionHandler(e -> LOG.debugf("%s call ended: %s", backend.name(), e.getMessage()));
                if (context.request().proxiedRequest().response().closed()) {
                    // The client left while the call waited for a connection: do not send it for nothing.
                    ar.result().reset();
                    return Future.failedFuture(new ClientGoneException());
                }
                return Future.succeededFuture(ar.result());
            }
            BackendUnavailableException failure = BackendUnavailableException.of(backend, ar.cause());
            if (failure.reason() == BackendUnavailableException.Reason.CONNECT_FAILED) {
                breaker.recordFailure();
            } else {
                breaker.recordNeutral();
            }
            return Future.failedFuture(failure);
        });
    }
}
