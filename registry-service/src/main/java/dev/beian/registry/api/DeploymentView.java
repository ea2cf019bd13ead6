package dev.beian.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "Deployment")
public record DeploymentView(
        @Schema(example = "5") long id,
        @Schema(example = "42") long filingId,
        @Schema(description = "ISO 3166-1 alpha-2 country or ISO 3166-2:CN province", example = "CN-GD") String region,
        @Schema(example = "FINANCE") String sector,
        @Schema(example = "2024-03-01") LocalDate since,
        Instant createdAt,
        Instant updatedAt,
        int version) {
}
