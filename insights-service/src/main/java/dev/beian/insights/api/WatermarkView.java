package dev.beian.insights.api;

import dev.beian.insights.domain.Watermark;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The point of the registry's change feed an answer reflects. */
@Schema(name = "Watermark", description = "The last applied change of the registry's change feed this answer reflects")
public record WatermarkView(
        @Schema(description = "Feed cursor after the last applied change; null before any", example = "AAAAAAAAAe4AAAAAAAAAKg")
        String cursor,
        @Schema(description = "When insights applied it (UTC)", example = "2026-11-23T06:01:02.456789Z")
        Instant appliedAt,
        @Schema(description = "When the last applied change happened in the registry (UTC)", example = "2026-11-23T06:01:02.123456Z")
        Instant eventTime) {

    public static WatermarkView of(Watermark w) {
        return new WatermarkView(w.cursor(), w.appliedAt(), w.eventTime());
    }
}
