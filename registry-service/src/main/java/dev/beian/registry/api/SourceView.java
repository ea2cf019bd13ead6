package dev.beian.registry.api;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Provenance: the list a record came from, its row there and where it was published. */
@Schema(name = "Source")
public record SourceView(
        @Size(max = 200) @Schema(example = "CAC generative AI filing list, attachment 1") String list,
        @Positive @Schema(example = "1") Integer row,
        @Size(max = 500) @Schema(example = "https://www.cac.gov.cn/2024-04/02/c_1713729983803145.htm") String url) {

    /** The provenance of stored columns, or null when none is known (the API then omits it). */
    public static SourceView ofNullable(String list, Integer row, String url) {
        return list == null && row == null && url == null ? null : new SourceView(list, row, url);
    }
}
