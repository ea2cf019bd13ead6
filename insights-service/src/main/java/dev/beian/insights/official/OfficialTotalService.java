package dev.beian.insights.official;

import dev.beian.common.problem.ProblemException;
import dev.beian.insights.api.OfficialTotalInput;
import dev.beian.insights.api.OfficialTotalView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The officially announced totals that coverage is measured against; editable with optimistic locking. */
@ApplicationScoped
public class OfficialTotalService {

    /** A total and its entity tag (from its version). */
    public record Versioned(OfficialTotalView total, String etag, boolean created) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OfficialTotalView> list() {
        return OfficialTotal.<OfficialTotal>listAll(Sort.by("asOf")).stream().map(OfficialTotalService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Versioned> get(LocalDate asOf) {
        return OfficialTotal.<OfficialTotal>findByIdOptional(asOf).map(t -> new Versioned(view(t), etag(t), false));
    }

    /**
     * Creates the total of {@code asOf}, or replaces it when {@code ifMatch} names its current version. An
     * existing total is never replaced blindly: without If-Match the answer is 428.
     */
    @Transactional
    public Versioned put(LocalDate asOf, OfficialTotalInput input, String ifMatch) {
        OfficialTotal total = OfficialTotal.findById(asOf, LockModeType.PESSIMISTIC_WRITE);
        boolean created = total == null;
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw ProblemException.preconditionFailed("No official total exists for " + asOf + " to match");
            }
            total = new OfficialTotal();
            total.asOf = asOf;
        } else {
            checkMatches(total, ifMatch);
        }
        total.filedCumulative = input.filedCumulative();
        total.registeredCumulative = input.registeredCumulative();
        total.approximate = Boolean.TRUE.equals(input.approximate());
        total.status = input.status();
        total.source = input.source();
        total.note = input.note();
        total.updatedAt = Instant.now();
        if (created) {
            total.persist();
        }
        try {
            OfficialTotal.flush();
        } catch (PersistenceException e) {
            // Only a concurrent creation of the same date can get here (an existing row is locked above).
            throw ProblemException.preconditionFailed("The official total for " + asOf + " was changed meanwhile");
        }
        return new Versioned(view(total), etag(total), created);
    }

    @Transactional
    public void delete(LocalDate asOf, String ifMatch) {
        OfficialTotal total = OfficialTotal.findById(asOf, LockModeType.PESSIMISTIC_WRITE);
        if (total == null) {
            throw ProblemException.notFound("Official total for", asOf);
        }
        checkMatches(total, ifMatch);
        total.delete();
    }

    private static void checkMatches(OfficialTotal total, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Send If-Match with the ETag of the official total for " + total.asOf + " to change it");
        }
        String current = etag(total);
        boolean matches = ifMatch.trim().equals("*") || List.of(ifMatch.split(",")).stream()
                .map(String::trim).anyMatch(current::equals);
        if (!matches) {
            throw ProblemException.preconditionFailed("The official total for " + total.asOf
                    + " has changed since it was read; its current ETag is " + current);
        }
    }

    static String etag(OfficialTotal t) {
        return "\"" + t.version + "\"";
    }

    static OfficialTotalView view(OfficialTotal t) {
        return new OfficialTotalView(t.asOf, t.filedCumulative, t.registeredCumulative, t.approximate, t.status,
                t.source, t.note);
    }
}
