package dev.beian.insights.query;

import dev.beian.insights.store.LineageStore;
import dev.beian.insights.store.OrganizationStore;
import dev.beian.insights.store.Reads;

import dev.beian.insights.api.LineageView;
import dev.beian.insights.api.OrganizationsView;
import dev.beian.insights.api.WatermarkView;
import dev.beian.insights.domain.Term;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rankings: organizations by filings (with category mix) and base filings by registrations built on them. */
@ApplicationScoped
public class RankingService {

    private final Reads reads;
    private final OrganizationStore organizations;
    private final LineageStore lineage;
    private final Vocabulary vocabulary;

    public RankingService(Reads reads, OrganizationStore organizations, LineageStore lineage, Vocabulary vocabulary) {
        this.reads = reads;
        this.organizations = organizations;
        this.lineage = lineage;
        this.vocabulary = vocabulary;
    }

    public OrganizationsView organizations(String kind, int limit) {
        OrganizationStore.Ranking top = reads.run(c -> organizations.top(c, kind, limit));
        List<OrganizationsView.Ranked> ranked = new ArrayList<>();
        for (OrganizationStore.Ranked r : top.organizations()) {
            long count = kind == null ? r.filings() + r.registrations()
                    : "FILING".equals(kind) ? r.filings() : r.registrations();
            Map<String, Long> byKind = new LinkedHashMap<>();
            byKind.put("FILING", r.filings());
            byKind.put("REGISTRATION", r.registrations());
            Map<String, Long> mix = new HashMap<>();
            r.categories().stream().filter(cc -> kind == null || kind.equals(cc.kind()))
                    .forEach(cc -> mix.merge(cc.category(), cc.count(), Long::sum));
            ranked.add(new OrganizationsView.Ranked(ranked.size() + 1, r.organizationId(), r.legalName(), r.nameEn(),
                    count, byKind, categoryMix(mix, count)));
        }
        return new OrganizationsView(kind, limit, ranked, WatermarkView.of(top.watermark()));
    }

    public LineageView lineage(int limit) {
        LineageStore.Ranking top = reads.run(c -> lineage.top(c, limit));
        List<LineageView.Base> bases = new ArrayList<>();
        for (LineageStore.Base b : top.bases()) {
            bases.add(new LineageView.Base(bases.size() + 1, b.filingId(), b.filingNumber(), b.name(), b.nameEn(),
                    b.organizationId(), b.organizationName(), b.organizationNameEn(), b.registrations()));
        }
        return new LineageView(limit, top.registrations(), top.registrationsWithBase(), bases,
                WatermarkView.of(top.watermark()));
    }

    private List<OrganizationsView.CategoryMix> categoryMix(Map<String, Long> counts, long filings) {
        List<OrganizationsView.CategoryMix> mix = new ArrayList<>();
        counts.forEach((category, n) -> mix.add(new OrganizationsView.CategoryMix(category, n, Counts.share(n, filings))));
        mix.sort(Comparator.comparingLong(OrganizationsView.CategoryMix::count).reversed()
                .thenComparingInt(m -> vocabulary.category(m.category()).map(Term::sortOrder).orElse(Integer.MAX_VALUE)));
        return mix;
    }
}
