package dev.beian.registry.service;

import dev.beian.common.problem.Problem.FieldError;
import dev.beian.common.problem.ProblemException;
import dev.beian.common.time.RegisterDates;
import dev.beian.registry.api.FilingInput;
import dev.beian.registry.domain.FilingKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Checks a filing: its field annotations, the reference vocabularies and the rules of the CAC lists.
 * All problems are reported together, so a client fixes its request in one go.
 */
@ApplicationScoped
public class FilingValidator {

    private final Vocabulary vocabulary;
    private final Validator beanValidator;

    public FilingValidator(Vocabulary vocabulary, Validator beanValidator) {
        this.vocabulary = vocabulary;
        this.beanValidator = beanValidator;
    }

    public void check(FilingInput input) {
        List<FieldError> errors = errorsOf(input);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    public List<FieldError> errorsOf(FilingInput input) {
        List<FieldError> errors = new ArrayList<>();
        beanValidator.validate(input).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .forEach(errors::add);
        if (input.organizationId() == null && (input.organizationName() == null || input.organizationName().isBlank())) {
            errors.add(new FieldError("organizationId", "give organizationId or organizationName"));
        }
        if (input.organizationId() != null && input.organizationName() != null) {
            errors.add(new FieldError("organizationName", "give organizationId or organizationName, not both"));
        }
        if (input.jurisdiction() != null && !vocabulary.isJurisdiction(input.jurisdiction())) {
            errors.add(new FieldError("jurisdiction", "'" + input.jurisdiction() + "' is not a jurisdiction code (see /api/v1/reference/jurisdictions)"));
        }
        Optional<String> numbered = vocabulary.jurisdictionOfFilingNumber(input.filingNumber());
        if (input.jurisdiction() != null && numbered.isPresent() && !numbered.get().equals(input.jurisdiction())) {
            errors.add(new FieldError("jurisdiction", "'" + input.jurisdiction() + "' contradicts the filing number, whose prefix names " + numbered.get()));
        }
        if (input.filingNumber() != null && input.filingNumber().contains("网信算备")) {
            errors.add(new FieldError("filingNumber", "is an algorithm-registry number (网信算备), not a generative-AI filing number"));
        }
        if (input.filingNumber() != null && !input.filingNumber().matches("[\\p{IsAlphabetic}\\p{Nd}._-]+")) {
            errors.add(new FieldError("filingNumber", "may hold only letters, digits, '-', '_' and '.'"));
        }
        checkDate(input.filingDate(), "filingDate", errors);
        checkDate(input.statusDate(), "statusDate", errors);
        checkCodes(input.categories(), "categories", vocabulary::isCategory, "a category (see /api/v1/reference/categories)", errors);
        checkCodes(input.sectors(), "sectors", vocabulary::isSector, "a sector (see /api/v1/reference/sectors)", errors);
        if (input.baseFilingId() != null && input.kind() == FilingKind.FILING) {
            errors.add(new FieldError("baseFilingId", "only a registration builds on a base filing"));
        }
        return errors;
    }

    /** The jurisdiction named by a filing number's prefix, used when a filing gives none. */
    public Optional<String> jurisdictionImpliedBy(String filingNumber) {
        return vocabulary.jurisdictionOfFilingNumber(filingNumber);
    }

    /** Dates outside {@link RegisterDates} are refused: the insights could not count them on their own day. */
    private static void checkDate(LocalDate date, String field, List<FieldError> errors) {
        if (date != null && !RegisterDates.contains(date)) {
            errors.add(new FieldError(field, RegisterDates.outOfRange(date)));
        }
    }

    private static void checkCodes(List<String> codes, String field, java.util.function.Predicate<String> valid,
                                   String what, List<FieldError> errors) {
        if (codes == null) {
            return;
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !valid.test(code)) {
                errors.add(new FieldError(field + "[" + i + "]", "'" + code + "' is not " + what));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(field + "[" + i + "]", "'" + code + "' is listed twice"));
            }
        }
    }
}
