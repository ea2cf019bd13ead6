package dev.beian.gateway.proxy;

import dev.beian.gateway.config.GatewayConfig;
import dev.beian.gateway.edge.BodyLimits;
import dev.beian.gateway.edge.RequestTargets;
import dev.beian.gateway.forwarding.TrustedProxies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import java.time.Duration;

/**
 * Runs one proxied call within its time budget: sets the deadline, limits the streamed body, retries idempotent
 * bodiless calls (GET, HEAD) whose connection failed while time is left, and answers every failure with a
 * problem instead of the library's bare 502. It must be the last interceptor, so that asking the context to send
 * again goes straight to the backend.
 */
final class CallInterceptor implements ProxyInterceptor {

    /** The registry's change feed, whose polls may wait for a change (see ChangesResource in the registry). */
    static final String CHANGES_PATH = "/api/v1/changes";
    /** The feed's documented longest wait. */
    static final long MAX_WAIT_SECONDS = 30;

    private final Vertx vertx;
    private final Backend backend;
    private final GatewayConfig config;
    private final TrustedProxies trustedProxies;

    CallInterceptor(Vertx vertx, Backend backend, GatewayConfig config, TrustedProxies trustedProxies) {
        this.vertx = vertx;
        this.backend = backend;
        this.config = config;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        CallDeadline deadline = CallDeadline.start(context, budget(incoming));
        // Keep the client's Host, so that links the backend builds (Location, Link) point at the gateway.
        if (incoming.authority() != null) {
            request.setAuthority(incoming.authority());
        }
        // A client's own X-Forwarded-For is believed only from a trusted proxy; otherwise the backend gets the peer.
        request.headers().set(TrustedProxies.HEADER, trustedProxies.forwardedFor(incoming));
        // Raw UTF-8 in the query (curl "...?q=文") was accepted at the edge; the backends expect it encoded.
        request.setURI(RequestTargets.percentEncodeNonAscii(request.getURI()));
        boolean retryable = isIdempotent(request.getMethod()) && hasNoBody(incoming);
        LimitedBodyStream limited = null;
        if (retryable) {
            // No body to stream: end the backend request at once, so it can be sent again.
            request.setBody(null);
            incoming.resume();
        } else if (request.getBody() != null) {
            limited = new LimitedBodyStream(request.getBody().stream(), config.bodyLimits().forPath(incoming.path()));
            request.setBody(Body.body(limited, request.getBody().length()));
        }
        LimitedBodyStream body = limited;
        return attempt(context, deadline, retryable ? config.retry().maxRetries() : 0)
                .recover(failure -> {
                    boolean tooLarge = body != null && body.exceeded();
                    if (tooLarge) {
                        // The rest of the body is not read: close the connection once the 413 is out, as it says.
                        incoming.response().bodyEndHandler(v -> incoming.connection().close());
                    }
                    return Future.succeededFuture(FailureAnswers.answer(request, backend, failure, tooLarge,
                            deadline.passed()));
                });
    }

    /**
     * The time a call may take until its answer starts: the normal budget, plus the wait a change-feed poll asks
     * for (up to the feed's maximum, so {@code wait=30} is answered, not cut off by a 504), or the longer budget of
     * a synchronous import.
     */
    Duration budget(HttpServerRequest incoming) {
        String path = incoming.path();
        if (BodyLimits.isImport(path)) {
            return max(config.requestTimeout(), config.importTimeout());
        }
        if (CHANGES_PATH.equals(path)) {
            return config.requestTimeout().plusSeconds(requestedWaitSeconds(incoming.getParam("wait")));
        }
        return config.requestTimeout();
    }

    /** The wait a poll asks for, within 0..30 s; the registry refuses anything else itself. */
    static long requestedWaitSeconds(String wait) {
        if (wait == null) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(MAX_WAIT_SECONDS, Long.parseLong(wait.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Future<ProxyResponse> attempt(ProxyContext context, CallDeadline deadline, int retriesLeft) {
        return context.sendRequest().recover(failure -> {
            long backoff = config.retry().backoff().toMillis();
            if (retriesLeft > 0 && worthRetrying(failure) && deadline.millisLeft() > backoff
                    && !context.request().proxiedRequest().response().closed()) {
                return vertx.timer(Math.max(1, backoff)).compose(t -> attempt(context, deadline, retriesLeft - 1));
            }
            return Future.failedFuture(failure);
        });
    }

    /** A connection that failed before anything was sent or that closed before any answer; not an open breaker. */
    private static boolean worthRetrying(Throwable failure) {
        if (failure instanceof BackendUnavailableException unavailable) {
            return unavailable.reason() == BackendUnavailableException.Reason.CONNECT_FAILED;
        }
        return failure instanceof HttpClosedException;
    }

    private static boolean isIdempotent(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    private static boolean hasNoBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") == null && (length == null || length.trim().equals("0"));
    }
}
