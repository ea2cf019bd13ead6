package dev.beian.insights.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An announced total as a client writes it (the as-of date is in the path). */
@Schema(name = "OfficialTotalInput")
public record OfficialTotalInput(
        @NotNull @PositiveOrZero @Schema(example = "988", required = true) Integer filedCumulative,
        @PositiveOrZero @Schema(example = "598") Integer registeredCumulative,
        @Schema(description = "Announced as approximate (\"490+\"); default false") Boolean approximate,
        @NotBlank @Pattern(regexp = "official|official-cited|official-approx|third-party|registry-derived",
                message = "must be one of official, official-cited, official-approx, third-party, registry-derived")
        @Schema(example = "official", required = true) String status,
        @NotBlank @Size(max = 2000) @Schema(example = "CAC 2026-07-10 https://www.cac.gov.cn/2026-07/10/c_1785427810632554.htm", required = true)
        String source,
        @Size(max = 2000) String note) {
}
