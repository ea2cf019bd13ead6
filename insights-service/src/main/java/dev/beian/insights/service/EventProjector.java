package dev.beian.insights.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.insights.client.ChangeEvent;
import dev.beian.insights.domain.Contributions;
import dev.beian.insights.domain.Deltas;
import dev.beian.insights.domain.DeploymentState;
import dev.beian.insights.domain.FilingState;
import dev.beian.insights.domain.OrganizationState;
import dev.beian.insights.domain.Stored;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;

/**
 * Applies a batch of events, in feed order, to the projections loaded for it and collects the resulting
 * aggregate deltas. Pure in-memory work: loading and saving are the caller's.
 */
final class EventProjector {

    private static final Logger LOG = Logger.getLogger(EventProjector.class);

    private final ObjectMapper json;
    private final Map<Long, Stored<FilingState>> filings;
    private final Map<Long, Stored<OrganizationState>> organizations;
    private final Map<Long, Stored<DeploymentState>> deployments;
    private final Map<Long, Stored<FilingState>> changedFilings = new HashMap<>();
    private final Map<Long, Stored<OrganizationState>> changedOrganizations = new HashMap<>();
    private final Map<Long, Stored<DeploymentState>> changedDeployments = new HashMap<>();
    private final Deltas deltas = new Deltas();
    private int skipped;

    EventProjector(ObjectMapper json, Map<Long, Stored<FilingState>> filings,
                   Map<Long, Stored<OrganizationState>> organizations, Map<Long, Stored<DeploymentState>> deployments) {
        this.json = json;
        this.filings = new HashMap<>(filings);
        this.organizations = new HashMap<>(organizations);
        this.deployments = new HashMap<>(deployments);
    }

    void apply(ChangeEvent event) {
        try {
            switch (event.entity()) {
                case "filing" -> applyFiling(event);
                case "organization" -> applyOrganization(event);
                case "deployment" -> applyDeployment(event);
                default -> skip(event, "unknown event type");
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A malformed event must not stop the follower for good; it is logged and counted as skipped.
            skip(event, "unreadable data: " + e.getMessage());
        }
    }

    private void applyFiling(ChangeEvent event) throws JsonProcessingException {
        FilingState incoming = state(event, FilingState.class);
        long id = id(event, incoming == null ? null : incoming.id());
        Stored<FilingState> previous = filings.get(id);
        if (incoming == null) {
            incoming = previous == null ? null : previous.state();
            if (incoming == null || !event.isDelete()) {
                skip(event, "no data");
                return;
            }
        }
        if (previous != null && previous.supersedes(incoming.version(), event.isDelete())) {
            return; // a replayed or out-of-date event: what it says is already applied or overridden
        }
        if (previous != null && previous.contributing() != null) {
            Contributions.filing(previous.state(), -1, deltas);
        }
        if (!event.isDelete()) {
            Contributions.filing(incoming, 1, deltas);
        }
        Stored<FilingState> stored = new Stored<>(withId(incoming, id), incoming.version(), event.isDelete());
        filings.put(id, stored);
        changedFilings.put(id, stored);
    }

    private void applyOrganization(ChangeEvent event) throws JsonProcessingException {
        OrganizationState incoming = state(event, OrganizationState.class);
        long id = id(event, incoming == null ? null : incoming.id());
        Stored<OrganizationState> previous = organizations.get(id);
        if (incoming == null) {
            incoming = previous == null ? new OrganizationState(id, null, null, null, null, null) : previous.state();
        }
        if (previous != null && previous.supersedes(incoming.version(), event.isDelete())) {
            return;
        }
        Stored<OrganizationState> stored = new Stored<>(incoming, incoming.version(), event.isDelete());
        organizations.put(id, stored);
        changedOrganizations.put(id, stored);
    }

    private void applyDeployment(ChangeEvent event) throws JsonProcessingException {
        DeploymentState incoming = state(event, DeploymentState.class);
        long id = id(event, incoming == null ? null : incoming.id());
        Stored<DeploymentState> previous = deployments.get(id);
        if (incoming == null) {
            incoming = previous == null ? null : previous.state();
            if (incoming == null || !event.isDelete()) {
                skip(event, "no data");
                return;
            }
        }
        if (previous != null && previous.supersedes(incoming.version(), event.isDelete())) {
            return;
        }
        if (previous != null && previous.contributing() != null) {
            Contributions.deployment(previous.state(), -1, deltas);
        }
        if (!event.isDelete()) {
            Contributions.deployment(incoming, 1, deltas);
        }
        DeploymentState withId = new DeploymentState(id, incoming.filingId(), incoming.region(), incoming.sector(),
                incoming.since(), incoming.version());
        Stored<DeploymentState> stored = new Stored<>(withId, incoming.version(), event.isDelete());
        deployments.put(id, stored);
        changedDeployments.put(id, stored);
    }

    private <T> T state(ChangeEvent event, Class<T> type) throws JsonProcessingException {
        return event.data() == null || event.data().isNull() ? null : json.treeToValue(event.data(), type);
    }

    /** The feed's entityId is authoritative; the id inside data is the fallback. */
    private static long id(ChangeEvent event, Long dataId) {
        if (event.entityId() != null) {
            return event.entityId();
        }
        if (dataId != null) {
            return dataId;
        }
        throw new IllegalArgumentException("event has no entity id");
    }

    private static FilingState withId(FilingState f, long id) {
        return f.id() != null && f.id() == id ? f : new FilingState(id, f.filingNumber(), f.kind(), f.name(),
                f.nameEn(), f.organization(), f.jurisdiction(), f.filingDate(), f.categories(), f.weightsAccess(),
                f.baseFilingId(), f.status(), f.statusHistory(), f.version());
    }

    private void skip(ChangeEvent event, String why) {
        skipped++;
        LOG.errorf("Skipping change event %s (%s, entity %s): %s", event.cursor(), event.type(), event.entityId(), why);
    }

    Map<Long, Stored<FilingState>> changedFilings() {
        return changedFilings;
    }

    Map<Long, Stored<OrganizationState>> changedOrganizations() {
        return changedOrganizations;
    }

    Map<Long, Stored<DeploymentState>> changedDeployments() {
        return changedDeployments;
    }

    Deltas deltas() {
        return deltas;
    }

    int skipped() {
        return skipped;
    }
}
