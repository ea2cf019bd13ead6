package dev.beian.gateway.security;

import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.Optional;

/**
 * Which role a request needs: admin paths need admin whatever the method; editor paths (webhook subscriptions,
 * whose target URLs are not public) and other writes need editor; reads (GET, HEAD, OPTIONS) need nothing
 * unless keys are required for reads, then reader.
 */
public final class AccessPolicy {

    private static final Optional<Role> ADMIN = Optional.of(Role.ADMIN);
    private static final Optional<Role> EDITOR = Optional.of(Role.EDITOR);
    private static final Optional<Role> READER = Optional.of(Role.READER);

    private final String[] adminPrefixes;
    private final String[] editorPrefixes;
    private final boolean requireKeyForReads;

    public AccessPolicy(List<String> adminPaths, List<String> editorPaths, boolean requireKeyForReads) {
        this.adminPrefixes = adminPaths.stream().map(AccessPolicy::prefixOf).toArray(String[]::new);
        this.editorPrefixes = editorPaths.stream().map(AccessPolicy::prefixOf).toArray(String[]::new);
        this.requireKeyForReads = requireKeyForReads;
    }

    /** The role needed, or empty when anyone may call. The path must be canonical (see {@link PathGuard}). */
    public Optional<Role> required(HttpMethod method, String path) {
        if (under(adminPrefixes, path)) {
            return ADMIN;
        }
        if (!isRead(method) || under(editorPrefixes, path)) {
            return EDITOR;
        }
        return requireKeyForReads ? READER : Optional.empty();
    }

    private static boolean under(String[] prefixes, String path) {
        for (String prefix : prefixes) { // runs on every call: no streams, no concatenation
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    public static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    /** "/api/v1/admin/**", "/api/v1/admin/" and "/api/v1/admin" all mean the same prefix. */
    private static String prefixOf(String pattern) {
        String prefix = pattern.trim();
        if (prefix.endsWith("/**")) {
            prefix = prefix.substring(0, prefix.length() - 3);
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix;
    }
}
