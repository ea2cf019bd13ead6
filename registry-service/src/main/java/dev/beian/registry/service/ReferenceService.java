package dev.beian.registry.service;

import dev.beian.registry.api.ReferenceTerm;
import dev.beian.registry.domain.Category;
import dev.beian.registry.domain.Jurisdiction;
import dev.beian.registry.domain.Sector;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Reads the reference vocabularies (seeded by migrations). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferenceService {

    public List<ReferenceTerm> jurisdictions() {
        return Jurisdiction.<Jurisdiction>listAll(Sort.by("sortOrder")).stream()
                .map(j -> new ReferenceTerm(j.code, j.nameZh, j.nameEn, j.shortNameZh, j.filingPrefix))
                .toList();
    }

    public List<ReferenceTerm> categories() {
        return Category.<Category>listAll(Sort.by("sortOrder")).stream()
                .map(c -> new ReferenceTerm(c.code, c.nameZh, c.nameEn, null, null))
                .toList();
    }

    public List<ReferenceTerm> sectors() {
        return Sector.<Sector>listAll(Sort.by("sortOrder")).stream()
                .map(s -> new ReferenceTerm(s.code, s.nameZh, s.nameEn, null, null))
                .toList();
    }
}
