package dev.beian.registry.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.beian.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** An import run as a job (Prefer: respond-async): its progress while it runs, then its report or problem. */
@Schema(name = "ImportJob")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobView(
        @Schema(example = "17") long id,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED", example = "RUNNING") String state,
        @Schema(description = "queued, checking, matching, writing, committing, done or failed", example = "writing") String stage,
        @Schema(description = "Data rows in the upload", example = "50000") int rowsReceived,
        @Schema(description = "Rows checked so far", example = "50000") int rowsChecked,
        @Schema(description = "Rows stored so far in the import's transaction; none is visible before it commits (state SUCCEEDED)", example = "12000") int rowsWritten,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "When SUCCEEDED: the report the synchronous import answers") ImportReport report,
        @Schema(description = "When FAILED: why; nothing of the upload was written") Problem problem) {

    @JsonIgnore
    public boolean finished() {
        return "SUCCEEDED".equals(state) || "FAILED".equals(state);
    }
}
