package dev.beian.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beian.common.problem.Problem.FieldError;
import dev.beian.common.problem.ProblemException;
import dev.beian.registry.api.OrganizationInput;
import dev.beian.registry.api.OrganizationPage;
import dev.beian.registry.api.OrganizationView;
import dev.beian.registry.domain.Filing;
import dev.beian.registry.domain.Organization;
import dev.beian.registry.domain.OrganizationType;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Organizations: the filing entities, unique by normalised legal name. */
@ApplicationScoped
public class OrganizationService {

    private final EntityManager em;
    private final ChangeEvents events;
    private final Vocabulary vocabulary;
    private final MergePatch mergePatch;

    public OrganizationService(EntityManager em, ChangeEvents events, Vocabulary vocabulary, MergePatch mergePatch) {
        this.em = em;
        this.events = events;
        this.vocabulary = vocabulary;
        this.mergePatch = mergePatch;
    }

    /** Finds the organization by its normalised legal name, creating it when new (safe under concurrency). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Organization resolve(String legalName) {
        String name = Names.clean(legalName);
        String key = Names.organizationKey(name);
        Object created = em.createNativeQuery("""
                        INSERT INTO organization (legal_name, normalized_name) VALUES (?1, ?2)
                        ON CONFLICT (normalized_name) DO NOTHING RETURNING id""")
                .setParameter(1, name).setParameter(2, key)
                .getResultStream().findFirst().orElse(null);
        if (created != null) {
            Organization organization = em.find(Organization.class, ((Number) created).longValue());
            events.append("organization.created", organization.id, FilingMapper.view(organization, null));
            return organization;
        }
        return Organization.<Organization>find("normalizedName", key).firstResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationView get(long id) {
        return FilingMapper.view(find(id), filingCount(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationPage list(String q, Long afterId, int limit) {
        Parameters params = Parameters.with("after", afterId == null ? 0L : afterId);
        String where = "id > :after";
        if (q != null) {
            where += " and (normalizedName like :q or lower(coalesce(nameEn, '')) like :q)";
            params = params.and("q", "%" + Sql.escapeLike(Names.organizationKey(q)) + "%");
        }
        var query = Organization.<Organization>find(where + " order by id", params);
        // One row beyond the page (range is inclusive) tells whether there is a next page.
        List<Organization> rows = query.range(0, limit).list();
        List<Organization> page = rows.subList(0, Math.min(limit, rows.size()));
        List<OrganizationView> items = page.stream().map(o -> FilingMapper.view(o, null)).toList();
        String next = rows.size() > limit ? Cursors.encodeId(page.get(page.size() - 1).id) : null;
        return new OrganizationPage(items, limit, next);
    }

    @Transactional
    public OrganizationView create(OrganizationInput input) {
        check(input);
        String key = Names.organizationKey(input.legalName());
        Optional<Organization> existing = Organization.find("normalizedName", key).firstResultOptional();
        if (existing.isPresent()) {
            throw ProblemException.conflict("Organization " + existing.get().id + " already has this legal name ("
                    + existing.get().legalName + ")");
        }
        Organization o = new Organization();
        apply(o, input);
        o.createdAt = DatabaseClock.now();
        o.updatedAt = o.createdAt;
        o.persist();
        em.flush();
        events.append("organization.created", o.id, FilingMapper.view(o, null));
        return FilingMapper.view(o, 0L);
    }

    @Transactional
    public OrganizationView replace(long id, OrganizationInput input, String ifMatch) {
        check(input);
        Organization o = lockedFind(id);
        ETags.checkIfMatch(ifMatch, o.version, "Organization " + id);
        return update(o, input);
    }

    @Transactional
    public OrganizationView patch(long id, JsonNode patch, String ifMatch) {
        Organization o = lockedFind(id);
        ETags.checkIfMatch(ifMatch, o.version, "Organization " + id);
        OrganizationInput current = new OrganizationInput(o.legalName, o.nameEn, List.copyOf(o.aliases), o.type, o.headquarters);
        OrganizationInput patched = mergePatch.apply(current, patch, OrganizationInput.class);
        check(patched);
        return update(o, patched);
    }

    private OrganizationView update(Organization o, OrganizationInput input) {
        String key = Names.organizationKey(input.legalName());
        if (!key.equals(o.normalizedName)) {
            Organization.<Organization>find("normalizedName", key).firstResultOptional().ifPresent(other -> {
                throw ProblemException.conflict("Organization " + other.id + " already has this legal name");
            });
        }
        OrganizationView before = FilingMapper.view(o, null);
        apply(o, input);
        if (FilingMapper.view(o, null).equals(before)) {
            return FilingMapper.view(o, filingCount(o.id));
        }
        o.updatedAt = DatabaseClock.now();
        em.flush();
        // Filings are found by their organization's names too.
        Filing.<Filing>stream("organization.id", o.id).forEach(f -> f.indexForSearch(Names.searchText(
                f.name, f.nameEn, o.legalName, o.nameEn, f.filingNumber)));
        events.append("organization.updated", o.id, FilingMapper.view(o, null));
        return FilingMapper.view(o, filingCount(o.id));
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Organization o = lockedFind(id);
        ETags.checkIfMatch(ifMatch, o.version, "Organization " + id);
        long filings = filingCount(id);
        if (filings > 0) {
            throw ProblemException.conflict("Organization " + id + " is named by " + filings
                    + " filing(s); delete or move them first");
        }
        OrganizationView last = FilingMapper.view(o, null);
        o.delete();
        events.append("organization.deleted", id, last);
    }

    private void check(OrganizationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.headquarters() != null && !vocabulary.isJurisdiction(input.headquarters())) {
            errors.add(new FieldError("headquarters", "'" + input.headquarters() + "' is not a jurisdiction code"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private static void apply(Organization o, OrganizationInput input) {
        o.legalName = Names.clean(input.legalName());
        o.normalizedName = Names.organizationKey(input.legalName());
        o.nameEn = Names.clean(input.nameEn());
        o.aliases = input.aliases() == null ? new ArrayList<>() : input.aliases().stream().map(Names::clean).toList();
        o.type = input.type() == null ? OrganizationType.OTHER : input.type();
        o.headquarters = input.headquarters();
    }

    private long filingCount(long organizationId) {
        return Filing.count("organization.id", organizationId);
    }

    private Organization find(long id) {
        Organization o = Organization.findById(id);
        if (o == null) {
            throw ProblemException.notFound("Organization", id);
        }
        return o;
    }

    private Organization lockedFind(long id) {
        Organization o = Organization.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            throw ProblemException.notFound("Organization", id);
        }
        return o;
    }
}
