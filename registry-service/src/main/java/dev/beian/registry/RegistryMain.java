package dev.beian.registry;

import dev.beian.common.db.ServiceDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts the registry, first starting its embedded PostgreSQL unless a server is configured. */
@QuarkusMain
public class RegistryMain {

    public static void main(String... args) {
        try (ServiceDatabase ignored = ServiceDatabase.startEmbeddedUnlessConfigured("registry")) {
            Quarkus.run(args);
        }
    }
}
