package dev.beian.registry.rest;

import dev.beian.registry.service.ETags;
import dev.beian.registry.service.Idempotency;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** Builds the answers shared by several resources. */
public final class Responses {

    private Responses() {
    }

    /** 200 with an ETag, or 304 when the client's copy is current. */
    static Response conditional(Object body, int version, String ifNoneMatch) {
        EntityTag tag = ETags.entityTag(version);
        if (ETags.matches(ifNoneMatch, version)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(body).tag(tag).build();
    }

    /** 200 with a list page, and a {@code Link: rel="next"} header when there is a next page. */
    public static Response page(Object page, String nextCursor, UriInfo uriInfo) {
        Response.ResponseBuilder response = Response.ok(page);
        if (nextCursor != null) {
            URI next = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build();
            response.link(next.getRawPath() + "?" + next.getRawQuery(), "next");
        }
        return response.build();
    }

    /** Replays a stored (or fresh) answer of an idempotent create. */
    static Response stored(Idempotency.StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status())
                .entity(stored.body()).type(stored.contentType());
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        if (stored.etag() != null) {
            response.header("ETag", stored.etag());
        }
        if (stored.replayed()) {
            response.header(Idempotency.REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
