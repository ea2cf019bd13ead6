package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rebuild", description = "A rebuild has started: derived data cleared, the feed is replayed from its start")
public record RebuildView(
        @Schema(example = "replaying") String status,
        @Schema(description = "Rebuild generation; each rebuild increments it", example = "3") int generation,
        WatermarkView watermark) implements Watermarked {
}
