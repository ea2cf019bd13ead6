package dev.beian.insights.rest;

import dev.beian.insights.api.WatermarkView;
import dev.beian.insights.api.Watermarked;
import dev.beian.insights.config.InsightsConfig;
import dev.beian.insights.domain.Watermark;
import dev.beian.insights.service.FollowerStatus;
import dev.beian.insights.service.Freshness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Answers insights GETs with ETag, Last-Modified and Cache-Control, and a poll whose If-None-Match is still
 * current with 304 before anything is computed: the check uses only the watermark held in memory.
 */
@ApplicationScoped
public class ConditionalResponses {

    private final FollowerStatus status;
    private final Freshness freshness;
    private final String cacheControl;
    private final Counter computed;
    private final Counter notModified;

    public ConditionalResponses(FollowerStatus status, Freshness freshness, InsightsConfig config,
                                MeterRegistry meters) {
        this.status = status;
        this.freshness = freshness;
        this.cacheControl = "max-age=" + config.cache().maxAge();
        this.computed = Counter.builder("beian.insights.responses").tag("outcome", "computed")
                .description("Insights answers computed or answered 304 from memory").register(meters);
        this.notModified = Counter.builder("beian.insights.responses").tag("outcome", "not-modified")
                .description("Insights answers computed or answered 304 from memory").register(meters);
    }

    /**
     * A 304 when If-None-Match holds the tag of the watermark in memory. Called on the event loop by
     * {@link NotModifiedFilter} before the request is dispatched: no worker thread, no database.
     */
    public Optional<Response> notModified(UriInfo uri, String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return Optional.empty();
        }
        Watermark current = status.watermark();
        String currentTag = freshness.etag(current.cursor(), current.appliedAt(), canonical(uri));
        if (!matches(ifNoneMatch, currentTag)) {
            return Optional.empty();
        }
        notModified.increment();
        return Optional.of(cached(Response.notModified(), currentTag, current.appliedAt()).build());
    }

    /** Computes the answer and tags it with the watermark it reflects. */
    public Response respond(UriInfo uri, HttpHeaders headers, Supplier<? extends Watermarked> compute) {
        Optional<Response> unchanged = notModified(uri, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        if (unchanged.isPresent()) {
            return unchanged.get(); // the watermark moved on between the filter and here, or no filter ran
        }
        String request = canonical(uri);
        Watermarked body = compute.get();
        computed.increment();
        WatermarkView reflected = body.watermark();
        String tag = freshness.etag(reflected.cursor(), reflected.appliedAt(), request);
        return cached(Response.ok(body, MediaType.APPLICATION_JSON_TYPE), tag, reflected.appliedAt()).build();
    }

    private Response.ResponseBuilder cached(Response.ResponseBuilder builder, String tag, Instant appliedAt) {
        builder.header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (appliedAt != null) {
            builder.lastModified(Date.from(appliedAt));
        }
        return builder;
    }

    /** If-None-Match holds {@code *} or a list of tags, possibly weak (W/"..."): weak comparison applies. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals("*") || trimmed.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Path and query parameters sorted by name: the same question asked differently gets the same tag. */
    static String canonical(UriInfo uri) {
        StringBuilder request = new StringBuilder(uri.getPath());
        Map<String, List<String>> sorted = new TreeMap<>(uri.getQueryParameters());
        sorted.forEach((name, values) -> values.forEach(v -> request.append('&').append(name).append('=').append(v)));
        return request.toString();
    }
}
