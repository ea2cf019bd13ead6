package dev.beian.gateway.proxy;

import dev.beian.common.problem.Problem;
import dev.beian.gateway.problem.GatewayProblems;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import java.util.concurrent.TimeoutException;

/** Turns a failed proxied call into the problem answer the client gets: 413, 502, 503 or 504. */
final class FailureAnswers {

    private FailureAnswers() {
    }

    static ProxyResponse answer(ProxyRequest request, Backend backend, Throwable failure, boolean bodyTooLarge,
                                boolean deadlinePassed) {
        HttpServerRequest incoming = request.proxiedRequest();
        ProxyResponse response = request.release().response();
        if (bodyTooLarge) {
            return problem(response, incoming, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than allowed")
                    .putHeader("Connection", "close");
        }
        if (failure instanceof BackendUnavailableException unavailable && !deadlinePassed) {
            String detail = switch (unavailable.reason()) {
                case CIRCUIT_OPEN -> "The " + backend.name() + " service is down; calls are paused until it recovers";
                case CONNECT_FAILED -> "The " + backend.name() + " service cannot be reached";
                case POOL_EXHAUSTED -> "The " + backend.name() + " service has no free connection in time";
            };
            return problem(response, incoming, 503, "backend-unavailable", "Service unavailable", detail)
                    .putHeader("Retry-After", Long.toString(backend.breaker().retryAfterSeconds()));
        }
        if (failure instanceof TimeoutException || failure instanceof BackendUnavailableException) {
            return problem(response, incoming, 504, "backend-timeout", "Gateway timeout",
                    "The " + backend.name() + " service did not answer in time");
        }
        return problem(response, incoming, 502, "bad-gateway", "Bad gateway",
                "The " + backend.name() + " service broke off the exchange");
    }

    private static ProxyResponse problem(ProxyResponse response, HttpServerRequest incoming, int status,
                                         String slug, String title, String detail) {
        return response.setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(GatewayProblems.body(incoming, status, slug, title, detail)));
    }
}
