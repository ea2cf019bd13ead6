package dev.beian.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Registry settings, under {@code beian.registry} (environment {@code BEIAN_REGISTRY_...}). */
@ConfigMapping(prefix = "beian.registry")
public interface RegistryConfig {

    @io.smallrye.config.WithName("import")
    Import importing();

    interface Import {
        /** Largest import body in bytes; larger uploads are refused with 413 before they are read whole. */
        @WithDefault("33554432")
        long maxBytes();
    }
}
