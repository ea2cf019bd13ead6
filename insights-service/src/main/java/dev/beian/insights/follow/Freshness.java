package dev.beian.insights.follow;

import dev.beian.insights.domain.Calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Entity tags of insights answers. An answer is determined by the watermark (cursor and when it was applied,
 * which also tells rebuilds apart), the request (path and query), the day in Shanghai (for "last 30 days"
 * and default date ranges) and the official totals (for coverage). The tag is a hash of these, computed
 * from memory: a conditional GET is answered without touching the database.
 */
@ApplicationScoped
public class Freshness {

    /** Bumped after every committed change of the official totals; starts random so tags differ across restarts. */
    private final AtomicLong totalsRevision = new AtomicLong(ThreadLocalRandom.current().nextLong());

    /** A digest of the stored totals as last seen, to notice changes made through another replica. */
    private final AtomicReference<String> totalsSeen = new AtomicReference<>();

    public void totalsChanged() {
        totalsRevision.incrementAndGet();
    }

    /**
     * Called periodically with a digest of the stored totals: when another replica changed them, this one's
     * answers and tags that depend on them must change too.
     */
    public void totalsStored(String digest) {
        String previous = totalsSeen.getAndSet(digest);
        if (previous != null && !previous.equals(digest)) {
            totalsChanged();
        }
    }

    /** The revision of the official totals; read it before reading the totals an answer shows. */
    public long totalsRevision() {
        return totalsRevision.get();
    }

    public String etag(String cursor, Instant appliedAt, String request) {
        return etag(cursor, appliedAt, Calendar.today(), totalsRevision.get(), request);
    }

    /** The tag of an answer to {@code request} at this watermark, day and totals revision. */
    public String etag(String cursor, Instant appliedAt, LocalDate today, long totalsRevision, String request) {
        String basis = cursor + '|' + appliedAt + '|' + today + '|' + totalsRevision + '|' + request;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            // Weak: an answer is the same for the same watermark, day and question, but not promised byte for
            // byte (it may be sent gzip-compressed or not), and these tags serve only If-None-Match.
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
