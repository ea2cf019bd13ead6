package dev.beian.insights.follow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.insights.follow.ChangeEvent;
import dev.beian.insights.domain.CountedState;
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
        applyCounted(event, FilingState.class, filings, changedFilings);
    }

    private void applyDeployment(ChangeEvent event) throws JsonProcessingException {
        applyCounted(event, DeploymentState.class, deployments, changedDeployments);
    }

    /**
     * Replaces a filing's or deployment's contribution to the aggregates by the event's state. A delete event
     * without data removes the last state applied.
     */
    private <S extends CountedState<S>> void applyCounted(ChangeEvent event, Class<S> type, Map<Long, Stored<S>> current,
                                                        Map<Long, Stored<S>> changed) throws JsonProcessingException {
        S incoming = state(event, type);
        long id = id(event, incoming == null ? null : incoming.id());
        Stored<S> previous = current.get(id);
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
            previous.state().contribute(-1, deltas);
        }
        if (!event.isDelete()) {
            incoming.contribute(1, deltas);
        }
        Stored<S> stored = new Stored<>(incoming.withId(id), incoming.version(), event.isDelete());
        current.put(id, stored);
        changed.put(id, stored);
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
