package dev.beian.gateway.proxy;

import dev.beian.gateway.config.GatewayConfig;
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

/**
 * Runs one proxied call within its time budget: sets the deadline, limits the streamed body, retries idempotent
 * bodiless calls (GET, HEAD) whose connection failed while time is left, and answers every failure with a
 * problem instead of the library's bare 502. It must be the last interceptor, so that asking the context to send
 * again goes straight to the backend.
 */
final class CallInterceptor implements ProxyInterceptor {

    private final Vertx vertx;
    private final Backend backend;
    private final GatewayConfig config;

    CallInterceptor(Vertx vertx, Backend backend, GatewayConfig config) {
        this.vertx = vertx;
        this.backend = backend;
        this.config = config;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        CallDeadline deadline = CallDeadline.start(context, config.requestTimeout());
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        // Keep the client's Host, so that links the backend builds (Location, Link) point at the gateway.
        if (incoming.authority() != null) {
            request.setAuthority(incoming.authority());
        }
        boolean retryable = isIdempotent(request.getMethod()) && hasNoBody(incoming);
        LimitedBodyStream limited = null;
        if (retryable) {
            // No body to stream: end the backend request at once, so it can be sent again.
            request.setBody(null);
            incoming.resume();
        } else if (request.getBody() != null) {
            limited = new LimitedBodyStream(request.getBody().stream(), config.maxBodySize().asLongValue());
            request.setBody(Body.body(limited, request.getBody().length()));
        }
        LimitedBodyStream body = limited;
        return attempt(context, deadline, retryable ? config.retry().maxRetries() : 0)
                .recover(failure -> Future.succeededFuture(FailureAnswers.answer(request, backend, failure,
                        body != null && body.exceeded(), deadline.passed())));
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
