package dev.beian.insights.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** A deployment (a filed service offered in a region and sector since a date) as the change feed carries it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentState(Long id, Long filingId, String region, String sector, LocalDate since, Long version)
        implements CountedState<DeploymentState> {

    @Override
    public DeploymentState withId(long newId) {
        return id != null && id == newId ? this : new DeploymentState(newId, filingId, region, sector, since, version);
    }

    @Override
    public void contribute(int sign, Deltas deltas) {
        Contributions.deployment(this, sign, deltas);
    }
}
