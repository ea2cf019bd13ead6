package dev.beian.gateway.edge;

import dev.beian.common.web.RequestIds;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;

/**
 * Keeps a valid incoming {@code X-Request-Id} or makes one, before anything else can answer. The id is written
 * back into the request's headers, so the proxy forwards it and problem bodies quote it, and echoed on the
 * answer; the access log reads it from there.
 */
public class RequestIdHandler implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String id = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.next();
    }
}
