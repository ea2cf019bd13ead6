package dev.beian.common.web;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Vertx;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of the request being served. It lives in the request's Vert.x duplicated context, which
 * follows the request from the event loop to worker threads (a thread-local would not).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String LOCAL_KEY = "beian.requestId";
    /** Accepted incoming ids: printable, no spaces, short enough to log. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Keeps a valid incoming id, otherwise makes a new one. */
    public static String acceptOrCreate(String incoming) {
        return isValid(incoming) ? incoming : UUID.randomUUID().toString();
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    static void bind(String id) {
        if (Vertx.currentContext() != null) {
            ContextLocals.put(LOCAL_KEY, id);
        }
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        if (Vertx.currentContext() == null) {
            return null;
        }
        return ContextLocals.<String>get(LOCAL_KEY).orElse(null);
    }
}
