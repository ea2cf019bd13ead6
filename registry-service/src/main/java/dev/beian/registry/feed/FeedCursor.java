package dev.beian.registry.feed;

import dev.beian.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the change feed: the writing transaction's id and the event's sequence number. Events are
 * ordered by (txid, seq); clients see it only as an opaque string.
 */
public record FeedCursor(long txid, long seq) {

    public static final FeedCursor START = new FeedCursor(0, 0);

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((txid + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    public static FeedCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII).split(":");
            if (parts.length == 2) {
                long txid = Long.parseLong(parts[0]);
                long seq = Long.parseLong(parts[1]);
                if (txid >= 0 && seq >= 0) {
                    return new FeedCursor(txid, seq);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalidParameter("after", "is not a cursor of this feed");
    }
}
