package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Lineage", description = "Base filings most built upon by registrations")
public record LineageView(
        @Schema(example = "10") int limit,
        @Schema(description = "All registrations", example = "3") long registrations,
        @Schema(description = "Registrations that name a base filing", example = "2") long registrationsWithBase,
        List<Base> bases,
        WatermarkView watermark) implements Watermarked {

    @Schema(name = "LineageBase")
    public record Base(
            @Schema(example = "1") int rank,
            @Schema(example = "42") long filingId,
            @Schema(example = "Beijing-WenXinYiYan-20230821") String filingNumber,
            @Schema(example = "文心一言") String name,
            @Schema(example = "ERNIE Bot") String nameEn,
            @Schema(example = "7") Long organizationId,
            @Schema(example = "北京百度网讯科技有限公司") String organizationName,
            @Schema(example = "Baidu") String organizationNameEn,
            @Schema(description = "Registrations built on it", example = "2") long registrations) {
    }
}
