package dev.beian.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

import java.util.List;
import java.util.Locale;

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
        List<String> names = fromBackend.names().stream().toList();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("access-control-") || (own.contains(name) && !lower.equals("vary"))) {
                fromBackend.remove(name);
            }
        }
        int status = context.response().getStatusCode();
        if ((status == 204 || status == 304) && !fromBackend.contains("Content-Length")) {
            context.response().setBody(null);
        }
        return context.sendResponse();
    }
}
