package dev.beian.insights.follow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One answer of {@code GET /api/v1/changes}: events in feed order and the cursor to pass back next. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeBatch(List<ChangeEvent> events, String nextCursor) {

    public ChangeBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
