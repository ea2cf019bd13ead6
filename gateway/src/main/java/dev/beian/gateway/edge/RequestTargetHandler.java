package dev.beian.gateway.edge;

import dev.beian.common.problem.Problems;
import dev.beian.gateway.problem.GatewayProblems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the request target before anything reads it: too long (414), raw non-ASCII outside an API query, raw
 * bytes that are not UTF-8, or a target that is not a well-formed URI such as {@code ?cursor=%%%} (400). Raw UTF-8
 * in an API query is accepted and percent-encoded when forwarded (see the proxy's CallInterceptor).
 */
public class RequestTargetHandler implements Handler<RoutingContext> {

    private static final String API_PREFIX = "/api/v1/";

    private final int maxLength;

    public RequestTargetHandler(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String target = ctx.request().uri();
        int length = RequestTargets.percentEncodeNonAscii(target).length();
        if (length > maxLength) {
            GatewayProblems.send(ctx, 414, Problems.slug(414), Problems.title(414),
                    "The request target has " + length + " characters; at most " + maxLength
                            + " are accepted. Send long filters in a shorter form or split the request");
            return;
        }
        if (RequestTargets.hasRawNonAscii(target)) {
            int query = target.indexOf('?');
            boolean inApiQuery = query >= 0 && target.startsWith(API_PREFIX)
                    && !RequestTargets.hasRawNonAscii(target.substring(0, query));
            if (!inApiQuery || !RequestTargets.rawBytesAreUtf8(target)) {
                GatewayProblems.send(ctx, 400, "malformed-request-target", Problems.title(400),
                        "Raw (not percent-encoded) non-ASCII bytes are accepted only as UTF-8 in the query of an API call;"
                                + " percent-encode them");
                return;
            }
        }
        if (!RequestTargets.isWellFormed(RequestTargets.percentEncodeNonAscii(target))) {
            GatewayProblems.send(ctx, 400, "malformed-request-target", Problems.title(400),
                    "The request target is not a well-formed URI: a '%' must start an escape of two hex digits"
                            + " (%25 for '%' itself), and spaces and other reserved characters must be percent-encoded");
            return;
        }
        ctx.next();
    }
}
