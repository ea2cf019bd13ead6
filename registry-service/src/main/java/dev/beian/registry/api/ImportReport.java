package dev.beian.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What an import did (or, in a dry run, would do), row by row for the rejected ones. */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(description = "True when nothing was written") boolean dryRun,
        @Schema(description = "True when one rejected row would have stopped the whole import") boolean allOrNothing,
        @Schema(example = "49") int received,
        @Schema(example = "47") int created,
        @Schema(example = "1") int updated,
        @Schema(example = "0") int unchanged,
        @Schema(example = "1") int rejected,
        @Schema(example = "12") int organizationsCreated,
        List<Rejection> rejections,
        @Schema(description = "Columns of the upload that no field reads") List<String> ignoredColumns) {

    @Schema(name = "ImportRejection")
    public record Rejection(
            @Schema(description = "1-based data row (the header is not counted)", example = "340") int row,
            @Schema(example = "Beijing-WenXinYiYan-20230821") String filingNumber,
            @Schema(example = "model name '北京某科技有限公司' and entity '某模型' look swapped") String reason) {
    }
}
