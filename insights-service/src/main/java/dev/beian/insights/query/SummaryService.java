package dev.beian.insights.query;

import dev.beian.insights.store.CounterStore;
import dev.beian.insights.store.Reads;

import dev.beian.insights.api.SummaryView;
import dev.beian.insights.api.WatermarkView;
import dev.beian.insights.domain.DateWindow;
import dev.beian.insights.domain.DayIndex;
import dev.beian.insights.domain.Dims;
import dev.beian.insights.domain.Metric;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The summary: totals by kind and status, growth in the last 30 days, organizations and jurisdictions. */
@ApplicationScoped
public class SummaryService {

    static final List<String> KINDS = List.of("FILING", "REGISTRATION");
    static final List<String> STATUSES = List.of("ACTIVE", "SUSPENDED", "WITHDRAWN", "REVOKED");
    private static final int BY_STATUS = 0, RECENT = 1, BY_JURISDICTION = 2, ORGANIZATIONS = 3, UNDATED = 4;

    private final Reads reads;
    private final CounterStore counters;

    public SummaryService(Reads reads, CounterStore counters) {
        this.reads = reads;
        this.counters = counters;
    }

    /** As of the end of {@code asOf} (null: now, undated filings included); recent growth ends on asOf or today. */
    public SummaryView summary(LocalDate asOf, LocalDate today) {
        Map<Integer, Integer> window = DateWindow.asOf(asOf).weights();
        LocalDate recentEnd = asOf == null ? today : asOf;
        LocalDate recentStart = recentEnd.minusDays(29);
        CounterStore.Result result = reads.run(c -> counters.read(c, List.of(
                new CounterStore.Request(BY_STATUS, Metric.FILING_KIND_STATUS, window, CounterStore.Filter.ANY),
                new CounterStore.Request(RECENT, Metric.FILING_KIND, DateWindow.of(recentStart, recentEnd, null).weights(),
                        CounterStore.Filter.ANY),
                new CounterStore.Request(BY_JURISDICTION, Metric.FILING_KIND_JURISDICTION, window, CounterStore.Filter.ANY),
                new CounterStore.Request(ORGANIZATIONS, Metric.ORGANIZATION_FIRST_FILING, window, CounterStore.Filter.ANY),
                new CounterStore.Request(UNDATED, Metric.FILING_KIND, DayIndex.range(DayIndex.UNDATED, DayIndex.UNDATED),
                        CounterStore.Filter.ANY))));
        Map<Dims, Long> byKindStatus = result.get(BY_STATUS);
        Map<Dims, Long> recent = result.get(RECENT);
        List<SummaryView.KindTotal> byKind = new ArrayList<>();
        Counts.ordered(Counts.by(byKindStatus, Dims::d1), KINDS).forEach((kind, count) -> byKind.add(
                new SummaryView.KindTotal(kind, count, Counts.ordered(Counts.by(only(byKindStatus, kind), Dims::d2), STATUSES))));
        long jurisdictions = Counts.by(result.get(BY_JURISDICTION), Dims::d2).entrySet().stream()
                .filter(e -> !Dims.UNKNOWN.equals(e.getKey()) && e.getValue() > 0).count();
        return new SummaryView(asOf, Counts.total(byKindStatus), byKind,
                Counts.ordered(Counts.by(byKindStatus, Dims::d2), STATUSES),
                new SummaryView.Recent(recentStart, recentEnd, Counts.total(recent),
                        Counts.ordered(Counts.by(recent, Dims::d1), KINDS)),
                Counts.total(result.get(ORGANIZATIONS)), jurisdictions, Counts.total(result.get(UNDATED)),
                WatermarkView.of(result.watermark()));
    }

    private static Map<Dims, Long> only(Map<Dims, Long> counts, String kind) {
        Map<Dims, Long> result = new HashMap<>(counts);
        result.keySet().removeIf(d -> !d.d1().equals(kind));
        return result;
    }
}
