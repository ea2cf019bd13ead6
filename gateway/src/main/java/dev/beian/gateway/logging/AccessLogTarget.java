package dev.beian.gateway.logging;

import dev.beian.gateway.edge.RequestTargets;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands the access log the request target to write ({@code %{d,beian.target}} in its pattern, in place of the
 * raw request line): query parameters that carry secrets ({@code api_key}, {@code key}, {@code token},
 * {@code access_token}) show as {@code ***}, so a key sent in a URL does not end up in log files; raw UTF-8 shows
 * percent-encoded, as it is forwarded.
 */
public class AccessLogTarget implements Handler<RoutingContext> {

    /** The routing-context entry the access log pattern reads. */
    public static final String KEY = "beian.target";
    static final Set<String> SECRET_PARAMETERS = Set.of("api_key", "key", "token", "access_token");
    private static final Pattern PARAMETER = Pattern.compile("([?&])([^=&#]*)=([^&#]*)");

    @Override
    public void handle(RoutingContext ctx) {
        record(ctx);
        ctx.next();
    }

    /** Records the target, unless done; also for failure handlers that run before the edge handlers did. */
    public static void record(RoutingContext ctx) {
        if (ctx.get(KEY) == null) {
            ctx.put(KEY, mask(RequestTargets.percentEncodeNonAscii(ctx.request().uri())));
        }
    }

    /** The target with the values of secret query parameters replaced by {@code ***}. */
    static String mask(String target) {
        int query = target.indexOf('?');
        if (query < 0) {
            return target;
        }
        Matcher matcher = PARAMETER.matcher(target);
        matcher.region(query, target.length());
        StringBuilder masked = new StringBuilder(target.length());
        while (matcher.find()) {
            String name = matcher.group(2).toLowerCase(Locale.ROOT);
            String value = SECRET_PARAMETERS.contains(name) ? "***" : matcher.group(3);
            matcher.appendReplacement(masked, Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + "=" + value));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
