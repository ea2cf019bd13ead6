package dev.beian.insights;

import dev.beian.common.db.ServiceDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts the insights service, first starting its embedded PostgreSQL unless a server is configured. */
@QuarkusMain
public class InsightsMain {

    public static void main(String... args) {
        try (ServiceDatabase ignored = ServiceDatabase.startEmbeddedUnlessConfigured("insights")) {
            Quarkus.run(args);
        }
    }
}
