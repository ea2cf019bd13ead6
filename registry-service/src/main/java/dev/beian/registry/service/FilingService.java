package dev.beian.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beian.common.problem.Problem.FieldError;
import dev.beian.common.problem.ProblemException;
import dev.beian.common.time.RegisterDates;
import dev.beian.registry.api.FilingInput;
import dev.beian.registry.api.FilingView;
import dev.beian.registry.domain.Deployment;
import dev.beian.registry.domain.Filing;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, changes and deletes filings. Each change writes the filing, a history entry and a change-feed
 * event in one transaction. Updates lock the row, so concurrent updates of one filing are applied one after
 * the other and none is lost.
 */
@ApplicationScoped
public class FilingService {


    private final EntityManager em;
    private final FilingValidator validator;
    private final OrganizationService organizations;
    private final FilingHistory history;
    private final ChangeEvents events;
    private final MergePatch mergePatch;
    private final FilingSearch search;

    public FilingService(EntityManager em, FilingValidator validator, OrganizationService organizations,
                         FilingHistory history, ChangeEvents events, MergePatch mergePatch, FilingSearch search) {
        this.search = search;
        this.em = em;
        this.validator = validator;
        this.organizations = organizations;
        this.history = history;
        this.events = events;
        this.mergePatch = mergePatch;
    }

    /** Reads one filing (without loading the entity: reads are the hot path). */
    public FilingView get(long id) {
        return search.byId(id).orElseThrow(() -> ProblemException.notFound("Filing", id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FilingView create(FilingInput input, String actor) {
        validator.check(input);
        Filing f = new Filing();
        apply(f, input, true);
        f.createdAt = DatabaseClock.now();
        f.updatedAt = f.createdAt;
        f.persist();
        em.flush();
        FilingView view = FilingMapper.view(f);
        history.record(f.id, actor, "CREATED", history.diff(null, view));
        events.append("filing.created", f.id, view);
        return view;
    }

    @Transactional
    public FilingView replace(long id, FilingInput input, String ifMatch, String actor) {
        Filing f = find(id, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfMatch(ifMatch, f.version, "Filing " + id);
        validator.check(input);
        return update(f, input, actor, "UPDATED");
    }

    @Transactional
    public FilingView patch(long id, JsonNode patch, String ifMatch, String actor) {
        Filing f = find(id, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfMatch(ifMatch, f.version, "Filing " + id);
        FilingInput patched = mergePatch.apply(FilingMapper.input(f), patch, FilingInput.class);
        validator.check(patched);
        return update(f, patched, actor, "UPDATED");
    }

    /** Applies a full new state to a locked filing; a change that changes nothing writes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FilingView update(Filing f, FilingInput input, String actor, String action) {
        FilingView before = FilingMapper.view(f);
        FilingStatus oldStatus = f.status;
        apply(f, input, false);
        ObjectNode changes = history.diff(before, FilingMapper.view(f));
        if (changes.isEmpty()) {
            return before;
        }
        f.updatedAt = DatabaseClock.now();
        em.flush();
        FilingView after = FilingMapper.view(f);
        boolean statusChanged = oldStatus != f.status;
        history.record(f.id, actor, statusChanged ? "STATUS_CHANGED" : action, changes);
        events.append(statusChanged ? "filing.status-changed" : "filing.updated", f.id, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch, String actor) {
        Filing f = find(id, LockModeType.PESSIMISTIC_WRITE);
        ETags.checkIfMatch(ifMatch, f.version, "Filing " + id);
        long dependants = Filing.count("baseFilingId", id);
        if (dependants > 0) {
            throw ProblemException.conflict("Filing " + id + " is the base of " + dependants
                    + " registration(s); change or delete them first");
        }
        FilingView last = FilingMapper.view(f);
        for (Deployment d : Deployment.<Deployment>list("filingId", id)) {
            events.append("deployment.deleted", d.id, FilingMapper.view(d));
            d.delete();
        }
        f.delete();
        history.record(id, actor, "DELETED", history.diff(last, null));
        events.append("filing.deleted", id, last);
    }

    /** Fails with 404 unless the filing exists; reads only its id (an entity would load its search grams too). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireExists(long id) {
        if (Filing.count("id", id) == 0) {
            throw ProblemException.notFound("Filing", id);
        }
    }

    /** Finds a filing; a lock needs the caller's transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Filing find(long id, LockModeType lock) {
        Filing f = Filing.findById(id, lock);
        if (f == null) {
            throw ProblemException.notFound("Filing", id);
        }
        return f;
    }

    /** Copies a validated input onto a filing, resolving its organization and checking uniqueness. */
    void apply(Filing f, FilingInput input, boolean creating) {
        Organization organization = organizationOf(input);
        String number = Names.clean(input.filingNumber());
        checkUnique(f, number, input);
        checkLineage(f, input, creating);
        f.filingNumber = number;
        f.kind = input.kind();
        f.sequenceNo = input.sequenceNo();
        f.name = Names.clean(input.name());
        f.nameEn = Names.clean(input.nameEn());
        f.organization = organization;
        f.jurisdiction = input.jurisdiction() != null ? input.jurisdiction()
                : validator.jurisdictionImpliedBy(number).orElse(null);
        f.filingDate = input.filingDate();
        f.publicationBatch = Names.clean(input.publicationBatch());
        f.categories = input.categories() == null ? new ArrayList<>() : new ArrayList<>(input.categories());
        f.sectors = input.sectors() == null ? new ArrayList<>() : new ArrayList<>(input.sectors());
        f.weightsAccess = input.weightsAccess();
        f.baseFilingId = input.baseFilingId();
        FilingStatus status = input.status() == null ? (creating ? FilingStatus.ACTIVE : f.status) : input.status();
        if (creating || status != f.status) {
            LocalDate since = input.statusDate() != null ? input.statusDate()
                    : creating && input.filingDate() != null ? input.filingDate() : LocalDate.now(RegisterDates.ZONE);
            List<Filing.StatusChange> statusHistory = new ArrayList<>(creating ? List.of() : f.statusHistory);
            statusHistory.add(new Filing.StatusChange(status, since));
            f.statusHistory = statusHistory;
        }
        f.status = status;
        f.sourceList = input.source() == null ? null : Names.clean(input.source().list());
        f.sourceRow = input.source() == null ? null : input.source().row();
        f.sourceUrl = input.source() == null ? null : Names.clean(input.source().url());
        f.indexForSearch(Names.searchText(f.name, f.nameEn, organization.legalName, organization.nameEn, f.filingNumber));
    }

    private Organization organizationOf(FilingInput input) {
        if (input.organizationId() == null) {
            return organizations.resolve(input.organizationName());
        }
        Organization organization = Organization.findById(input.organizationId());
        if (organization == null) {
            throw ProblemException.validation(List.of(new FieldError("organizationId",
                    "organization " + input.organizationId() + " does not exist")));
        }
        return organization;
    }

    private void checkUnique(Filing f, String number, FilingInput input) {
        if (number != null) {
            Filing.<Filing>find("lower(filingNumber) = lower(?1)", number).firstResultOptional()
                    .filter(other -> !other.id.equals(f.id))
                    .ifPresent(other -> {
                        throw ProblemException.conflict("Filing " + other.id + " already has filing number "
                                + other.filingNumber + " (filing numbers are unique regardless of case)");
                    });
        }
        if (input.sequenceNo() != null) {
            Filing.<Filing>find("kind = ?1 and sequenceNo = ?2", input.kind(), input.sequenceNo()).firstResultOptional()
                    .filter(other -> !other.id.equals(f.id))
                    .ifPresent(other -> {
                        throw ProblemException.conflict("Filing " + other.id + " already is " + input.kind()
                                + " number " + input.sequenceNo() + " of the published lists");
                    });
        }
    }

    /**
     * Lineage stays one level deep: a registration (登记) builds on a filed model (备案), never on another
     * registration, and only registrations have a base (FilingValidator). So no chain or cycle can form, and a
     * filing that registrations build on cannot become a registration itself.
     */
    private void checkLineage(Filing f, FilingInput input, boolean creating) {
        if (input.baseFilingId() != null) {
            Filing base = input.baseFilingId().equals(f.id) ? null : Filing.findById(input.baseFilingId());
            if (base == null) {
                throw ProblemException.validation(List.of(new FieldError("baseFilingId",
                        "filing " + input.baseFilingId() + " does not exist or is this filing")));
            }
            if (base.kind != FilingKind.FILING) {
                throw ProblemException.validation(List.of(new FieldError("baseFilingId",
                        "filing " + base.id + " is a " + base.kind + "; a base must be a FILING")));
            }
        }
        if (!creating && f.kind == FilingKind.FILING && input.kind() != FilingKind.FILING) {
            long dependants = Filing.count("baseFilingId", f.id);
            if (dependants > 0) {
                throw ProblemException.conflict("Filing " + f.id + " is the base of " + dependants
                        + " registration(s), so it stays a FILING; change their baseFilingId first");
            }
        }
    }
}
