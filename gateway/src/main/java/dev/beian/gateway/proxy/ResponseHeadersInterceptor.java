package dev.beian.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway owns some answer headers: those its handlers already wrote (X-Request-Id, RateLimit-*, CORS) win
 * over a backend's copy, and a backend's CORS headers are dropped, since CORS is decided here. Vary is merged.
 * Answers that never have a body (204, 304) are passed on without one: the library would otherwise announce a
 * chunked body on them.
 */
final class ResponseHeadersInterceptor implements ProxyInterceptor {

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap own = context.request().proxiedRequest().response().headers();
        MultiMap fromBackend = context.response().headers();
        // Runs on every answer: walk the few headers the gateway wrote, and look for backend CORS headers
        // without copying or lower-casing names.
        for (Map.Entry<String, String> header : own) {
            if (!header.getKey().equalsIgnoreCase("Vary")) {
                fromBackend.remove(header.getKey());
            }
        }
        List<String> cors = null;
        for (Map.Entry<String, String> header : fromBackend) {
            if (header.getKey().regionMatches(true, 0, "Access-Control-", 0, 15)) {
                if (cors == null) {
                    cors = new ArrayList<>(4);
                }
                cors.add(header.getKey());
            }
        }
        if (cors != null) {
            cors.forEach(fromBackend::remove);
        }
        int status = context.response().getStatusCode();
        if ((status == 204 || status == 304) && !fromBackend.contains("Content-Length")) {
            context.response().setBody(null);
        }
        return context.sendResponse();
    }
}
