package dev.beian.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beian.common.problem.Problem.FieldError;
import dev.beian.common.problem.ProblemException;
import dev.beian.common.time.RegisterDates;
import dev.beian.registry.api.DeploymentInput;
import dev.beian.registry.api.DeploymentPage;
import dev.beian.registry.api.DeploymentView;
import dev.beian.registry.domain.Deployment;
import dev.beian.registry.domain.Filing;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Deployments of a filing: where it is adopted. Each change is in the filing's history and the change feed. */
@ApplicationScoped
public class DeploymentService {

    private final FilingService filings;
    private final FilingHistory history;
    private final ChangeEvents events;
    private final Vocabulary vocabulary;
    private final MergePatch mergePatch;

    public DeploymentService(FilingService filings, FilingHistory history, ChangeEvents events, Vocabulary vocabulary,
                             MergePatch mergePatch) {
        this.filings = filings;
        this.history = history;
        this.events = events;
        this.vocabulary = vocabulary;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public List<DeploymentView> list(long filingId) {
        filings.requireExists(filingId);
        return Deployment.<Deployment>list("filingId", Sort.by("id"), filingId).stream().map(FilingMapper::view).toList();
    }

    /** Deployments across all filings, by id, optionally of one region and/or sector; one page after {@code afterId}. */
    @Transactional
    public DeploymentPage search(String region, String sector, Long afterId, int limit) {
        Parameters params = Parameters.with("after", afterId == null ? 0L : afterId);
        String where = "id > :after";
        if (region != null) {
            where += " and region = :region";
            params = params.and("region", region);
        }
        if (sector != null) {
            where += " and sector = :sector";
            params = params.and("sector", sector);
        }
        // One row beyond the page (range is inclusive) tells whether there is a next page.
        List<Deployment> rows = Deployment.<Deployment>find(where + " order by id", params).range(0, limit).list();
        List<Deployment> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? Cursors.encodeId(page.get(page.size() - 1).id) : null;
        return new DeploymentPage(page.stream().map(FilingMapper::view).toList(), limit, next);
    }

    @Transactional
    public DeploymentView get(long filingId, long id) {
        return FilingMapper.view(find(filingId, id));
    }

    @Transactional
    public DeploymentView create(long filingId, DeploymentInput input, String actor) {
        Filing filing = filings.find(filingId, LockModeType.PESSIMISTIC_WRITE);
        Deployment d = new Deployment();
        d.filingId = filing.id;
        apply(d, input);
        d.createdAt = DatabaseClock.now();
        d.updatedAt = d.createdAt;
        d.persist();
        d.flush();
        DeploymentView view = FilingMapper.view(d);
        history.record(filingId, actor, "DEPLOYMENT_ADDED", history.diff(null, view));
        events.append("deployment.created", d.id, view);
        return view;
    }

    @Transactional
    public DeploymentView replace(long filingId, long id, DeploymentInput input, String ifMatch, String actor) {
        Deployment d = find(filingId, id);
        ETags.checkIfMatch(ifMatch, d.version, "Deployment " + id);
        return update(d, input, actor);
    }

    /** Changes the fields the JSON Merge Patch names; the others keep their values. */
    @Transactional
    public DeploymentView patch(long filingId, long id, JsonNode patch, String ifMatch, String actor) {
        Deployment d = find(filingId, id);
        ETags.checkIfMatch(ifMatch, d.version, "Deployment " + id);
        DeploymentInput patched = mergePatch.apply(new DeploymentInput(d.region, d.sector, d.since), patch,
                DeploymentInput.class);
        return update(d, patched, actor);
    }

    /** Writes the new state of a found, locked deployment, with its history entry and change event. */
    private DeploymentView update(Deployment d, DeploymentInput input, String actor) {
        DeploymentView before = FilingMapper.view(d);
        apply(d, input);
        var changes = history.diff(before, FilingMapper.view(d));
        if (changes.isEmpty()) {
            return before;
        }
        d.updatedAt = DatabaseClock.now();
        d.flush();
        DeploymentView after = FilingMapper.view(d);
        history.record(d.filingId, actor, "DEPLOYMENT_UPDATED", changes);
        events.append("deployment.updated", d.id, after);
        return after;
    }

    @Transactional
    public void delete(long filingId, long id, String ifMatch, String actor) {
        Deployment d = find(filingId, id);
        ETags.checkIfMatch(ifMatch, d.version, "Deployment " + id);
        DeploymentView last = FilingMapper.view(d);
        d.delete();
        history.record(filingId, actor, "DEPLOYMENT_REMOVED", history.diff(last, null));
        events.append("deployment.deleted", id, last);
    }

    private Deployment find(long filingId, long id) {
        Deployment d = Deployment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.filingId != filingId) {
            throw ProblemException.notFound("Deployment", id + " of filing " + filingId);
        }
        return d;
    }

    private void apply(Deployment d, DeploymentInput input) {
        List<FieldError> errors = new ArrayList<>();
        String region = input.region().strip().toUpperCase(Locale.ROOT);
        if (!vocabulary.isRegion(region)) {
            errors.add(new FieldError("region", "'" + input.region() + "' is neither an ISO 3166-1 alpha-2 country nor a CN province code"));
        }
        if (input.sector() != null && !vocabulary.isSector(input.sector())) {
            errors.add(new FieldError("sector", "'" + input.sector() + "' is not a sector code"));
        }
        if (input.since() != null && !RegisterDates.contains(input.since())) {
            errors.add(new FieldError("since", RegisterDates.outOfRange(input.since())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        d.region = region;
        d.sector = input.sector();
        d.since = input.since();
    }
}
