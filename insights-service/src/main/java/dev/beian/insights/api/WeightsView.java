package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Weights", description = "Share of open-weights, API-only, closed and unknown services")
public record WeightsView(
        Filters filters,
        @Schema(example = "49") long filings,
        List<Share> weights,
        WatermarkView watermark) implements Watermarked {

    @Schema(name = "WeightsShare")
    public record Share(@Schema(example = "OPEN", enumeration = {"OPEN", "API_ONLY", "CLOSED", "UNKNOWN"}) String access,
                       @Schema(example = "3") long count,
                       @Schema(example = "0.0612") double share) {
    }
}
