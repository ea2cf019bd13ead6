package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An announced cumulative total as the API shows it. */
@Schema(name = "OfficialTotal")
public record OfficialTotalView(
        @Schema(example = "2026-06-30") LocalDate asOf,
        @Schema(description = "Generative-AI services filed nationally (备案), cumulative", example = "988") int filedCumulative,
        @Schema(description = "Apps registered locally (登记), cumulative; null where not announced", example = "598") Integer registeredCumulative,
        @Schema(description = "True where the figure was announced as approximate (\"490+\")") boolean approximate,
        @Schema(description = "official, official-cited, official-approx, third-party or registry-derived", example = "official") String status,
        @Schema(example = "CAC 2026-07-10 https://www.cac.gov.cn/2026-07/10/c_1785427810632554.htm") String source,
        String note) {
}
