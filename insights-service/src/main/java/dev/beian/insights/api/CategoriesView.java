package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Categories", description = "Filings per category; a filing in several categories counts in each")
public record CategoriesView(
        Filters filters,
        @Schema(description = "Filings matching the filters (the denominator of share)", example = "49") long filings,
        List<CategoryShare> categories,
        WatermarkView watermark) implements Watermarked {

    @Schema(name = "CategoryShare")
    public record CategoryShare(
            @Schema(example = "TEXT") String category,
            @Schema(example = "文本") String nameZh,
            @Schema(example = "Text") String nameEn,
            @Schema(example = "40") long count,
            @Schema(description = "count / filings, 0..1 (shares may add up to more than 1)", example = "0.8163") double share) {
    }
}
