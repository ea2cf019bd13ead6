package dev.beian.insights.query;

import dev.beian.insights.store.CounterStore;
import dev.beian.insights.store.Reads;

import dev.beian.insights.api.TrendsView;
import dev.beian.insights.api.WatermarkView;
import dev.beian.insights.domain.Bucket;
import dev.beian.insights.domain.DateWindow;
import dev.beian.insights.domain.Dims;
import dev.beian.insights.domain.Metric;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Time series of filings by filing date. All periods are answered from one read of the Fenwick nodes their
 * windows need: consecutive periods share most nodes, so a series of n periods reads about 5n nodes per kind.
 */
@ApplicationScoped
public class TrendService {

    private final Reads reads;
    private final CounterStore counters;

    public TrendService(Reads reads, CounterStore counters) {
        this.reads = reads;
        this.counters = counters;
    }

    public TrendsView trends(Bucket bucket, boolean cumulative, LocalDate from, LocalDate to, String kind) {
        List<LocalDate[]> periods = new ArrayList<>();
        List<Map<Integer, Integer>> windows = new ArrayList<>();
        for (LocalDate start = bucket.startOf(from); !start.isAfter(to); start = bucket.next(start)) {
            LocalDate end = bucket.next(start).minusDays(1);
            LocalDate upper = end.isAfter(to) ? to : end;
            periods.add(new LocalDate[] {start, end});
            windows.add((cumulative ? DateWindow.of(null, upper, null)
                    : DateWindow.of(start.isBefore(from) ? from : start, upper, null)).weights());
        }
        Set<Integer> nodes = new HashSet<>();
        windows.forEach(w -> nodes.addAll(w.keySet()));
        // Each distinct node is read once (labelled by itself); the periods' windows are combined from them.
        CounterStore.Filter filter = new CounterStore.Filter(kind, null);
        CounterStore.Result values = reads.run(c -> counters.read(c, nodes.stream()
                .map(node -> new CounterStore.Request(node, Metric.FILING_KIND, Map.of(node, 1), filter)).toList()));
        List<TrendsView.Point> series = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Map<Dims, Long> counts = CounterStore.combine(values, windows.get(i));
            Map<String, Long> byKind = Counts.ordered(Counts.by(counts, Dims::d1),
                    kind == null ? SummaryService.KINDS : List.of(kind));
            LocalDate start = periods.get(i)[0];
            series.add(new TrendsView.Point(bucket.label(start), start, periods.get(i)[1], Counts.total(counts), byKind));
        }
        return new TrendsView(bucket.name().toLowerCase(Locale.ROOT), cumulative ? "cumulative" : "per-period",
                from, to, kind, series, WatermarkView.of(values.watermark()));
    }
}
