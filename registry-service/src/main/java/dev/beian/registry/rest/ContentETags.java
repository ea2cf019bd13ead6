package dev.beian.registry.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.registry.service.ETags;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Gives every JSON read that has no version of its own (list pages, history, vocabularies) an ETag made from
 * its content, and answers 304 when the client's copy is current: a client polling a list pays for neither
 * the transfer nor parsing when nothing changed. Single resources keep their version ETags.
 */
@Provider
public class ContentETags implements ContainerResponseFilter {

    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ObjectMapper json;

    public ContentETags(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        // Without a type of its own the answer takes the resource's, and every resource here produces JSON.
        MediaType type = response.getMediaType() == null ? JSON_UTF8 : response.getMediaType();
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.ETAG) || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                || response.getEntity() instanceof byte[] || response.getEntity() instanceof String) {
            return;
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        String tag = "W/\"" + digest(body) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (ETags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag.substring(2))) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), type);
    }

    /** The first 16 bytes of the body's SHA-256, base64url: collisions are out of reach for a cache check. */
    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
