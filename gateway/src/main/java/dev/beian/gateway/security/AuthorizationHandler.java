package dev.beian.gateway.security;

import dev.beian.gateway.problem.GatewayProblems;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * Lets a request through when its caller has the role the {@link AccessPolicy} asks for (401 or 403 problem
 * otherwise), then replaces the credentials by the caller's identity for the backend: keys never leave the
 * gateway, and {@code X-Beian-Actor} can only come from here.
 */
public class AuthorizationHandler implements Handler<RoutingContext> {

    public static final String ACTOR_HEADER = "X-Beian-Actor";
    private static final String REALM = "Bearer realm=\"beian\"";

    private final AccessPolicy policy;

    public AuthorizationHandler(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        HttpServerRequest request = ctx.request();
        if (caller.kind() == Caller.Kind.INVALID) {
            unauthorized(ctx, REALM + ", error=\"invalid_token\"",
                    "The API key is not valid; send a valid key as 'Authorization: Bearer <key>' or 'X-API-Key'");
            return;
        }
        Optional<Role> needed = policy.required(request.method(), request.path());
        if (needed.isPresent() && !caller.hasKey()) {
            unauthorized(ctx, REALM, "This operation needs an API key with the " + needed.get().label()
                    + " role, sent as 'Authorization: Bearer <key>' or 'X-API-Key'");
            return;
        }
        if (needed.isPresent() && !caller.role().includes(needed.get())) {
            GatewayProblems.send(ctx, 403, "forbidden", "Forbidden", "This operation needs the "
                    + needed.get().label() + " role; key '" + caller.keyName() + "' has " + caller.role().label());
            return;
        }
        request.headers().remove("Authorization").remove("X-API-Key").remove(ACTOR_HEADER);
        if (caller.hasKey()) {
            request.headers().set(ACTOR_HEADER, caller.keyName());
            ctx.put(Caller.ACTOR_KEY, caller.keyName());
        }
        ctx.next();
    }

    private static void unauthorized(RoutingContext ctx, String challenge, String detail) {
        GatewayProblems.send(ctx, 401, "unauthorized", "Unauthorized", detail,
                MultiMap.caseInsensitiveMultiMap().add("WWW-Authenticate", challenge));
    }
}
