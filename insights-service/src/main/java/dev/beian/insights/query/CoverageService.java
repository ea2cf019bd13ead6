package dev.beian.insights.query;

import dev.beian.insights.store.CounterStore;
import dev.beian.insights.store.Reads;

import dev.beian.insights.api.CoverageView;
import dev.beian.insights.api.WatermarkView;
import dev.beian.insights.domain.DateWindow;
import dev.beian.insights.domain.Dims;
import dev.beian.insights.domain.Metric;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Coverage: how many filings and registrations the registry holds, by filing date, as of each date for
 * which an official cumulative total was announced, against that total.
 */
@ApplicationScoped
public class CoverageService {

    private record Official(LocalDate asOf, int filed, Integer registered, boolean approximate, String status) {
    }

    private final Reads reads;
    private final CounterStore counters;

    public CoverageService(Reads reads, CounterStore counters) {
        this.reads = reads;
        this.counters = counters;
    }

    public CoverageView coverage() {
        return reads.run(c -> {
            // Two statements: the counts and their watermark are one snapshot; the totals are read first, and
            // the ETag's totals revision is taken before both, so a tag never claims newer totals than it shows.
            List<Official> officials = officials(c);
            // The as-of dates share most Fenwick nodes: read each node once and combine per date.
            List<Map<Integer, Integer>> windows = officials.stream().map(o -> DateWindow.asOf(o.asOf()).weights()).toList();
            Set<Integer> nodes = new TreeSet<>();
            windows.forEach(w -> nodes.addAll(w.keySet()));
            CounterStore.Result result = counters.read(c, nodes.stream().map(node -> new CounterStore.Request(node,
                    Metric.FILING_KIND, Map.of(node, 1), CounterStore.Filter.ANY)).toList());
            List<CoverageView.Point> points = new ArrayList<>();
            for (int i = 0; i < officials.size(); i++) {
                Official o = officials.get(i);
                Map<String, Long> byKind = Counts.by(CounterStore.combine(result, windows.get(i)), Dims::d1);
                long filings = byKind.getOrDefault("FILING", 0L);
                long registrations = byKind.getOrDefault("REGISTRATION", 0L);
                points.add(new CoverageView.Point(o.asOf(), o.filed(), o.registered(), o.approximate(), o.status(),
                        filings, registrations, Counts.percent(filings, o.filed()),
                        Counts.percent(registrations, o.registered())));
            }
            return new CoverageView(points, WatermarkView.of(result.watermark()));
        });
    }

    private static List<Official> officials(Connection c) throws SQLException {
        List<Official> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT as_of, filed_cumulative, registered_cumulative, "
                + "approximate, status FROM official_total ORDER BY as_of");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new Official(rs.getObject(1, LocalDate.class), rs.getInt(2), (Integer) rs.getObject(3),
                        rs.getBoolean(4), rs.getString(5)));
            }
        }
        return result;
    }
}
