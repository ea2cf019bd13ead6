package dev.beian.gateway.security;

import dev.beian.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The configured API keys, known only by their SHA-256: a presented key is hashed and compared with each
 * configured hash in constant time. Neither keys nor hashes are ever logged.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private record Entry(String name, byte[] sha256, Role role, Integer rateLimit) {
    }

    private final List<Entry> entries;

    public ApiKeys(GatewayConfig config) {
        this.entries = config.apiKeys().entrySet().stream().map(ApiKeys::entry).toList();
    }

    private static Entry entry(Map.Entry<String, GatewayConfig.ApiKey> e) {
        String hex = e.getValue().sha256().trim().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("beian.gateway.api-keys." + e.getKey()
                    + ".sha256 must be 64 hex digits (the SHA-256 of the key, not the key)");
        }
        return new Entry(e.getKey(), HexFormat.of().parseHex(hex), e.getValue().role(),
                e.getValue().rateLimit().orElse(null));
    }

    /** The caller a presented key (or null) stands for. */
    public Caller identify(String presentedKey) {
        if (presentedKey == null) {
            return Caller.ANONYMOUS;
        }
        byte[] hash = sha256(presentedKey);
        Entry match = null;
        for (Entry entry : entries) { // no early exit: the time taken does not tell which key matched
            if (MessageDigest.isEqual(entry.sha256(), hash)) {
                match = entry;
            }
        }
        return match == null ? Caller.INVALID
                : new Caller(Caller.Kind.KEY, match.name(), match.role(), match.rateLimit());
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
