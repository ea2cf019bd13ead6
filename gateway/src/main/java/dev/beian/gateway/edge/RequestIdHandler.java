package dev.beian.gateway.edge;

import dev.beian.common.web.RequestIds;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps a valid incoming {@code X-Request-Id} or makes one, before anything else can answer. The id is written
 * back into the request's headers, so the proxy forwards it and problem bodies quote it, and echoed once on the
 * answer, whoever wrote it; the access log reads it from there.
 */
public class RequestIdHandler implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        assign(ctx);
        ctx.next();
    }

    /** Gives the exchange its id, unless it has one; also for failure handlers that run before this handler did. */
    static void assign(RoutingContext ctx) {
        if (ctx.response().headers().contains(RequestIds.HEADER)) {
            return;
        }
        String incoming = ctx.request().getHeader(RequestIds.HEADER);
        String id = RequestIds.isValid(incoming) ? incoming : newId();
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        // Set again when the headers go out, replacing any other copy: an answer of the gateway's own JAX-RS
        // resources (its 404s among them) gets the id from the common response filter too, and went out twice.
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, id));
        MDC.put(RequestIds.MDC_KEY, id);
    }

    /**
     * A random (version 4) UUID, like {@link RequestIds#acceptOrCreate}'s, but drawn from the thread's
     * {@link ThreadLocalRandom}: a request id correlates log lines and need not be unguessable, and
     * {@link UUID#randomUUID()}'s SecureRandom takes a process-wide lock on every call of every event loop.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(msb, lsb).toString();
    }
}
