package dev.beian.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Registry settings, under {@code beian.registry} (environment {@code BEIAN_REGISTRY_...}). */
@ConfigMapping(prefix = "beian.registry")
public interface RegistryConfig {

    String REQUIRE_IF_MATCH = "beian.registry.require-if-match";

    /**
     * Whether PUT, PATCH and DELETE of a versioned record must carry {@code If-Match} (428 without it). Off by
     * default so that existing clients and scripts keep working; turn it on where several writers edit the
     * same records and a silently lost update would matter.
     */
    @WithDefault("false")
    boolean requireIfMatch();

    @io.smallrye.config.WithName("import")
    Import importing();

    interface Import {
        /** Largest import body in bytes; larger uploads are refused with 413 before they are read whole. */
        @WithDefault("33554432")
        long maxBytes();
    }
}
