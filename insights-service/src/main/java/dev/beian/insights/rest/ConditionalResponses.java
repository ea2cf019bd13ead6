package dev.beian.insights.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.insights.api.WatermarkView;
import dev.beian.insights.api.Watermarked;
import dev.beian.insights.config.InsightsConfig;
import dev.beian.insights.domain.Calendar;
import dev.beian.insights.domain.Watermark;
import dev.beian.insights.follow.FollowerStatus;
import dev.beian.insights.follow.Freshness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Answers insights GETs with ETag, Last-Modified and Cache-Control, and a poll whose If-None-Match is still
 * current with 304 before anything is computed: the check uses only the watermark held in memory. Answers
 * are kept, serialized, for as long as the watermark (and day and official totals) they reflect is current
 * (see {@link ResponseCache}): dashboards polling without If-None-Match read memory, not the database.
 */
@ApplicationScoped
public class ConditionalResponses {

    private final FollowerStatus status;
    private final Freshness freshness;
    private final String cacheControl;
    private final Counter computed;
    private final Counter notModified;
    private final Counter cachedAnswers;
    private final ObjectMapper json;
    private final ResponseCache answers;

    public ConditionalResponses(FollowerStatus status, Freshness freshness, InsightsConfig config,
                                MeterRegistry meters, ObjectMapper json) {
        this.status = status;
        this.freshness = freshness;
        this.json = json;
        this.answers = new ResponseCache(config.cache().answers());
        this.cacheControl = "max-age=" + config.cache().maxAge();
        this.computed = Counter.builder("beian.insights.responses").tag("outcome", "computed")
                .description("Insights answers computed or answered 304 from memory").register(meters);
        this.notModified = Counter.builder("beian.insights.responses").tag("outcome", "not-modified")
                .description("Insights answers computed or answered 304 from memory").register(meters);
        this.cachedAnswers = Counter.builder("beian.insights.responses").tag("outcome", "cached")
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
        String currentTag = freshness.etag(current.cursor(), current.appliedAt(), Calendar.today(),
                freshness.totalsRevision(), canonical(uri));
        if (!matches(ifNoneMatch, currentTag)) {
            return Optional.empty();
        }
        notModified.increment();
        return Optional.of(cached(Response.notModified(), currentTag, current.appliedAt()).build());
    }

    /**
     * The answer of the current watermark: from the cache, or computed, tagged with the watermark it reflects
     * and kept when that is the watermark held in memory (the database may be a batch ahead of it).
     */
    public Response respond(UriInfo uri, HttpHeaders headers, Supplier<? extends Watermarked> compute) {
        Optional<Response> unchanged = notModified(uri, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        if (unchanged.isPresent()) {
            return unchanged.get(); // the watermark moved on between the filter and here, or no filter ran
        }
        String request = canonical(uri);
        // Everything an answer depends on besides the request, taken before computing: an answer is never
        // kept under a newer day or totals revision than it was computed with.
        Watermark current = status.watermark();
        LocalDate today = Calendar.today();
        long totals = freshness.totalsRevision();
        String basis = current.generation() + "|" + current.cursor() + '|' + current.appliedAt() + '|' + today + '|' + totals;
        boolean[] fresh = {false};
        ResponseCache.Entry entry = answers.get(basis, request, () -> {
            fresh[0] = true;
            Watermarked body = compute.get();
            WatermarkView reflected = body.watermark();
            String tag = freshness.etag(reflected.cursor(), reflected.appliedAt(), today, totals, request);
            byte[] bytes;
            try {
                bytes = json.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An insights answer cannot be serialized", e);
            }
            boolean reflectsCurrent = Objects.equals(reflected.cursor(), current.cursor())
                    && Objects.equals(reflected.appliedAt(), current.appliedAt());
            return new ResponseCache.Computed(new ResponseCache.Entry(bytes, tag, reflected.appliedAt()), reflectsCurrent);
        });
        (fresh[0] ? computed : cachedAnswers).increment();
        return cached(Response.ok(entry.body(), MediaType.APPLICATION_JSON_TYPE), entry.etag(), entry.appliedAt()).build();
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
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = opaque(candidate.trim());
            if (trimmed.equals("*") || trimmed.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** Path and query parameters sorted by name: the same question asked differently gets the same tag. */
    static String canonical(UriInfo uri) {
        StringBuilder request = new StringBuilder(uri.getPath());
        Map<String, List<String>> sorted = new TreeMap<>(uri.getQueryParameters());
        sorted.forEach((name, values) -> values.forEach(v -> request.append('&').append(name).append('=').append(v)));
        return request.toString();
    }
}
