package dev.beian.gateway.security;

/**
 * Who is calling: a named API key with its role, nobody (no credentials), or someone whose credentials were
 * not recognised. Rate limits key on the name when there is one.
 */
public record Caller(Kind kind, String keyName, Role role, Integer rateLimit) {

    public enum Kind { KEY, ANONYMOUS, INVALID }

    public static final String CONTEXT_KEY = "beian.caller";
    /** Routing-context key of the key name, read by the access log as {@code %{d,beian.actor}}. */
    public static final String ACTOR_KEY = "beian.actor";

    static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, null, null);
    static final Caller INVALID = new Caller(Kind.INVALID, null, null, null);

    public boolean hasKey() {
        return kind == Kind.KEY;
    }
}
