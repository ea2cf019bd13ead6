package dev.beian.insights.query;

import dev.beian.insights.store.CounterStore;
import dev.beian.insights.store.Reads;

import dev.beian.insights.api.CategoriesView;
import dev.beian.insights.api.Filters;
import dev.beian.insights.api.MatrixView;
import dev.beian.insights.api.RegionsView;
import dev.beian.insights.api.WatermarkView;
import dev.beian.insights.api.WeightsView;
import dev.beian.insights.domain.DateWindow;
import dev.beian.insights.domain.Dims;
import dev.beian.insights.domain.Metric;
import dev.beian.insights.domain.Term;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Breakdowns of filings by category, jurisdiction and weights access, over a window of filing dates. Each
 * reads the narrowest counter that has its dimensions: a few nodes per dimension value.
 */
@ApplicationScoped
public class BreakdownService {

    static final List<String> WEIGHTS = List.of("OPEN", "API_ONLY", "CLOSED", Dims.UNKNOWN);

    private final Reads reads;
    private final CounterStore counters;
    private final Vocabulary vocabulary;

    public BreakdownService(Reads reads, CounterStore counters, Vocabulary vocabulary) {
        this.reads = reads;
        this.counters = counters;
        this.vocabulary = vocabulary;
    }

    public CategoriesView categories(Filters filters) {
        Map<Integer, Integer> weights = window(filters).weights();
        boolean byJurisdiction = filters.jurisdiction() != null;
        CounterStore.Filter filter = new CounterStore.Filter(filters.kind(), filters.jurisdiction());
        CounterStore.Result result = reads.run(c -> counters.read(c, List.of(
                new CounterStore.Request(0, byJurisdiction ? Metric.FILING_KIND_JURISDICTION_CATEGORY
                        : Metric.FILING_KIND_CATEGORY, weights, filter),
                new CounterStore.Request(1, byJurisdiction ? Metric.FILING_KIND_JURISDICTION : Metric.FILING_KIND,
                        weights, filter))));
        Map<String, Long> byCategory = Counts.by(result.get(0), byJurisdiction ? Dims::d3 : Dims::d2);
        long filings = Counts.total(result.get(1));
        List<CategoriesView.CategoryShare> shares = new ArrayList<>();
        Counts.ordered(byCategory, codes(vocabulary.categories())).forEach((code, count) -> {
            Term term = vocabulary.category(code).orElse(null);
            shares.add(new CategoriesView.CategoryShare(code, term == null ? null : term.nameZh(),
                    term == null ? null : term.nameEn(), count, Counts.share(count, filings)));
        });
        // Most filed first; the stable sort keeps the vocabulary's order among equal counts.
        shares.sort(Comparator.comparingLong(CategoriesView.CategoryShare::count).reversed());
        return new CategoriesView(filters, filings, shares, WatermarkView.of(result.watermark()));
    }

    public RegionsView regions(Filters filters) {
        Map<Integer, Integer> weights = window(filters).weights();
        CounterStore.Result result = reads.run(c -> counters.read(c, List.of(
                new CounterStore.Request(0, Metric.FILING_KIND_JURISDICTION, weights,
                        new CounterStore.Filter(filters.kind(), null)),
                new CounterStore.Request(1, Metric.DEPLOYMENT_REGION, weights, CounterStore.Filter.ANY),
                new CounterStore.Request(2, Metric.DEPLOYMENT_SECTOR, weights, CounterStore.Filter.ANY))));
        Map<String, Long> byJurisdiction = Counts.by(result.get(0), Dims::d2);
        long filings = byJurisdiction.values().stream().mapToLong(Long::longValue).sum();
        Long unknown = byJurisdiction.remove(Dims.UNKNOWN);
        List<RegionsView.JurisdictionCount> jurisdictions = new ArrayList<>();
        Counts.ordered(byJurisdiction, codes(vocabulary.jurisdictions())).forEach((code, count) -> {
            Term term = vocabulary.jurisdiction(code).orElse(null);
            jurisdictions.add(new RegionsView.JurisdictionCount(code, term == null ? null : term.nameZh(),
                    term == null ? null : term.nameEn(), count, Counts.share(count, filings)));
        });
        jurisdictions.sort(Comparator.comparingLong(RegionsView.JurisdictionCount::count).reversed());
        Map<String, Long> byRegion = Counts.by(result.get(1), Dims::d1);
        RegionsView.Adoption adoption = new RegionsView.Adoption(Counts.total(result.get(1)),
                named(byRegion, vocabulary::region), named(Counts.by(result.get(2), Dims::d1), vocabulary::sector));
        return new RegionsView(filters, filings, jurisdictions, unknown == null ? 0 : unknown, adoption,
                WatermarkView.of(result.watermark()));
    }

    public MatrixView matrix(Filters filters) {
        Map<Integer, Integer> weights = window(filters).weights();
        CounterStore.Filter filter = new CounterStore.Filter(filters.kind(), null);
        CounterStore.Result result = reads.run(c -> counters.read(c, List.of(
                new CounterStore.Request(0, Metric.FILING_KIND_JURISDICTION_CATEGORY, weights, filter),
                new CounterStore.Request(1, Metric.FILING_KIND_JURISDICTION, weights, filter))));
        Map<Dims, Long> cells = result.get(0);
        Map<String, Long> filingsByJurisdiction = Counts.by(result.get(1), Dims::d2);
        Map<String, Long> categoryTotals = Counts.ordered(Counts.by(cells, Dims::d3), codes(vocabulary.categories()));
        List<String> columns = List.copyOf(categoryTotals.keySet());
        List<String> jurisdictions = new ArrayList<>(codes(vocabulary.jurisdictions()));
        jurisdictions.addAll(Counts.extra(filingsByJurisdiction, jurisdictions).stream()
                .filter(code -> !Dims.UNKNOWN.equals(code)).toList());
        List<MatrixView.Row> rows = new ArrayList<>();
        for (String code : jurisdictions) {
            rows.add(row(code, vocabulary.jurisdiction(code).orElse(null), cells, columns, filingsByJurisdiction));
        }
        MatrixView.Row unknown = row(Dims.UNKNOWN, null, cells, columns, filingsByJurisdiction);
        return new MatrixView(filters, columns, rows,
                new MatrixView.Row(null, null, null, unknown.counts(), unknown.filings()), categoryTotals,
                WatermarkView.of(result.watermark()));
    }

    public WeightsView weights(Filters filters) {
        Map<Integer, Integer> weights = window(filters).weights();
        CounterStore.Result result = reads.run(c -> counters.read(c, List.of(new CounterStore.Request(0,
                Metric.FILING_KIND_WEIGHTS, weights, new CounterStore.Filter(filters.kind(), null)))));
        Map<String, Long> byAccess = Counts.by(result.get(0), Dims::d2);
        long filings = Counts.total(result.get(0));
        List<WeightsView.Share> shares = new ArrayList<>();
        Counts.ordered(byAccess, WEIGHTS).forEach((access, count) ->
                shares.add(new WeightsView.Share(access, count, Counts.share(count, filings))));
        return new WeightsView(filters, filings, shares, WatermarkView.of(result.watermark()));
    }

    private static MatrixView.Row row(String code, Term term, Map<Dims, Long> cells, List<String> columns,
                                      Map<String, Long> filingsByJurisdiction) {
        Map<String, Long> counts = new LinkedHashMap<>();
        columns.forEach(category -> counts.put(category, 0L));
        cells.forEach((dims, n) -> {
            if (dims.d2().equals(code)) {
                counts.merge(dims.d3(), n, Long::sum);
            }
        });
        return new MatrixView.Row(code, term == null ? null : term.nameZh(), term == null ? null : term.nameEn(),
                counts, filingsByJurisdiction.getOrDefault(code, 0L));
    }

    private static List<RegionsView.NamedCount> named(Map<String, Long> counts,
                                                      java.util.function.Function<String, java.util.Optional<Term>> names) {
        List<RegionsView.NamedCount> result = new ArrayList<>();
        counts.forEach((code, count) -> {
            Term term = names.apply(code).orElse(null);
            result.add(new RegionsView.NamedCount(code, term == null ? null : term.nameZh(),
                    term == null ? null : term.nameEn(), count));
        });
        result.sort(Comparator.comparingLong(RegionsView.NamedCount::count).reversed()
                .thenComparing(RegionsView.NamedCount::code));
        return result;
    }

    private static DateWindow window(Filters filters) {
        return DateWindow.of(filters.from(), filters.to(), filters.asOf());
    }

    private static List<String> codes(List<Term> terms) {
        return terms.stream().map(Term::code).toList();
    }
}
