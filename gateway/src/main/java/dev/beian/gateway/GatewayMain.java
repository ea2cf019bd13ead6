package dev.beian.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway with Quarkus' own check of request targets off: Quarkus answers a target that
 * {@link java.net.URI} refuses (raw UTF-8 in a query as {@code curl "...?q=文"} sends it, {@code ?cursor=%%%})
 * with a bare 400, before any route could give a problem or the access log could see it. The gateway checks
 * targets itself instead ({@link dev.beian.gateway.edge.RequestTargetHandler}). Quarkus reads the switch once, when
 * its HTTP recorder is first loaded, so it is set before Quarkus starts; tests set it in the surefire settings.
 */
@QuarkusMain
public final class GatewayMain {

    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    static {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
    }

    private GatewayMain() {
    }

    public static void main(String... args) {
        Quarkus.run(args);
    }
}
