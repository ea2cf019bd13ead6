package dev.beian.gateway.edge;

/**
 * Orders of the gateway's routes on the Quarkus router: all run before Quarkus' own routes (order 0 and up),
 * edge handlers first so that every later answer, error or not, carries the request id and CORS headers.
 */
public final class RouteOrder {

    /** Request id, CORS, header size: every path. */
    public static final int EDGE = -300;
    /** The merged OpenAPI document. */
    public static final int OPENAPI = -250;
    /** Security headers of the dashboard's page and files, before Quarkus serves them (order 0 and up). */
    public static final int PAGE = -240;
    /** Path check, body limit, authentication, rate limit, authorization: API paths. */
    public static final int API_GUARD = -200;
    /** The API's own index at /api/v1/, after the guard and before the proxy. */
    public static final int API_INDEX = -150;
    /** The reverse proxy, insights before registry. */
    public static final int PROXY = -100;

    private RouteOrder() {
    }
}
