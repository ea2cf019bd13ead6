package dev.beian.registry.service;

import dev.beian.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key handling for creates and imports. The key is claimed inside the request's transaction:
 * a concurrent retry waits on the key's row until the first attempt commits (then gets its answer) or rolls
 * back (then runs itself). The same key with a different request body is refused with 422.
 *
 * <p>Keys belong to their caller (the API key's name the gateway passes as {@code X-Beian-Actor}): two callers
 * that happen to pick the same key string do not see each other's answers. A key is remembered for
 * {@code beian.registry.idempotency-ttl} (24 hours, as Stripe does); after that the same key starts a new request.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** Claims between two purges of every expired record (each claim removes its own key's expired record). */
    private static final int PURGE_EVERY = 1000;

    private final EntityManager em;
    private final long ttlSeconds;
    private final AtomicInteger claims = new AtomicInteger();

    public Idempotency(EntityManager em,
                       @ConfigProperty(name = "beian.registry.idempotency-ttl", defaultValue = "24h") Duration ttl) {
        this.em = em;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    /** Marks an answer that repeats the first one for a retried key (as Stripe and others name it). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** A stored first answer; {@code replayed} when it is given again for a retry. */
    public record StoredResponse(int status, String body, String contentType, String location, String etag,
                                 boolean replayed) {

        public StoredResponse(int status, String body, String contentType, String location, String etag) {
            this(status, body, contentType, location, etag, false);
        }
    }

    public static void checkKey(String key) {
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalidParameter(HEADER, "must be 1 to 200 visible ASCII characters");
        }
    }

    public static String hash(byte[] request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(String request) {
        return hash(request.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code action} once per key: a retry with the same key and request gets the first answer back.
     * Without a key the action simply runs. Must be called inside the transaction that does the work.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredResponse once(String scope, String actor, String key, String requestHash,
                               Supplier<StoredResponse> action) {
        checkKey(key);
        if (key == null) {
            return action.get();
        }
        scope = scope + "/" + (actor == null ? "" : actor);
        Optional<StoredResponse> earlier = claim(scope, key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        StoredResponse response = action.get();
        complete(scope, key, response);
        return response;
    }

    /** Claims the key for this request; returns the first answer when the key was used before. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    Optional<StoredResponse> claim(String scope, String key, String requestHash) {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE scope = ?1 AND key = ?2 "
                        + "AND created_at < now() - make_interval(secs => ?3)")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, (double) ttlSeconds).executeUpdate();
        if (claims.incrementAndGet() % PURGE_EVERY == 0) {
            em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?1)")
                    .setParameter(1, (double) ttlSeconds).executeUpdate();
        }
        int inserted = em.createNativeQuery("""
                        INSERT INTO idempotency_record (scope, key, request_hash) VALUES (?1, ?2, ?3)
                        ON CONFLICT (scope, key) DO NOTHING""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT request_hash, status, body, content_type, location, etag
                        FROM idempotency_record WHERE scope = ?1 AND key = ?2""")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw ProblemException.unprocessable("Idempotency-Key '" + key
                    + "' was already used with a different request; use a new key for a new request");
        }
        return Optional.of(new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], true));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void complete(String scope, String key, StoredResponse response) {
        em.createNativeQuery("""
                        UPDATE idempotency_record SET status = ?3, body = ?4, content_type = ?5, location = ?6, etag = ?7
                        WHERE scope = ?1 AND key = ?2""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, response.status())
                .setParameter(4, response.body()).setParameter(5, response.contentType())
                .setParameter(6, response.location()).setParameter(7, response.etag())
                .executeUpdate();
    }
}
