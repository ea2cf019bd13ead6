package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "Organizations", description = "Organizations with the most filings, with their category mix")
public record OrganizationsView(
        @Schema(description = "Ranked by filings of this kind; null: both kinds") String kind,
        @Schema(example = "10") int limit,
        List<Ranked> organizations,
        WatermarkView watermark) implements Watermarked {

    @Schema(name = "RankedOrganization")
    public record Ranked(
            @Schema(example = "1") int rank,
            @Schema(example = "7") long organizationId,
            @Schema(example = "北京百度网讯科技有限公司") String legalName,
            @Schema(example = "Baidu") String nameEn,
            @Schema(description = "Filings counted for the ranking", example = "2") long count,
            Map<String, Long> byKind,
            List<CategoryMix> categories) {
    }

    @Schema(name = "CategoryMix")
    public record CategoryMix(@Schema(example = "TEXT") String category, @Schema(example = "2") long count,
                              @Schema(description = "count / the organization's counted filings", example = "1.0") double share) {
    }
}
