package dev.beian.insights.store;

import dev.beian.insights.domain.DayIndex;
import dev.beian.insights.domain.Deltas;
import dev.beian.insights.domain.Dims;
import dev.beian.insights.domain.Metric;
import dev.beian.insights.domain.Watermark;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dated counters ({@code counter_node}): Fenwick-tree nodes per metric and dimension values (see
 * {@link DayIndex}). Writes add merged deltas to at most 16 nodes per changed slot; reads sum a handful of
 * nodes per dimension value, all of an answer's sums in one statement.
 */
@ApplicationScoped
public class CounterStore {

    /** Restricts a read to rows whose first (and second) dimension has a value; null means any. */
    public record Filter(String d1, String d2) {
        public static final Filter ANY = new Filter(null, null);
    }

    /** Above every code in byte-wise (COLLATE "C") order: the highest code point, alone. */
    private static final String TOP = "U&'\\+10FFFF'";

    private record NodeKey(String metric, int node, Dims dims) {
    }

    private static final Comparator<NodeKey> ORDER = Comparator.comparing(NodeKey::metric)
            .thenComparingInt(NodeKey::node)
            .thenComparing(k -> k.dims().d1()).thenComparing(k -> k.dims().d2()).thenComparing(k -> k.dims().d3());

    public void add(Connection c, Map<Deltas.CounterKey, Long> deltas) throws SQLException {
        Map<NodeKey, Long> nodes = new HashMap<>();
        deltas.forEach((key, delta) -> {
            for (int node : DayIndex.updateNodes(key.slot())) {
                nodes.merge(new NodeKey(key.metric().code(), node, key.dims()), delta, Long::sum);
            }
        });
        nodes.values().removeIf(n -> n == 0);
        if (nodes.isEmpty()) {
            return;
        }
        // A stable order keeps lock order deterministic should two writers ever meet.
        List<NodeKey> keys = new ArrayList<>(nodes.keySet());
        keys.sort(ORDER);
        int size = keys.size();
        String[] metrics = new String[size];
        Integer[] nodeIds = new Integer[size];
        String[] d1 = new String[size];
        String[] d2 = new String[size];
        String[] d3 = new String[size];
        Long[] n = new Long[size];
        for (int i = 0; i < size; i++) {
            NodeKey key = keys.get(i);
            metrics[i] = key.metric();
            nodeIds[i] = key.node();
            d1[i] = key.dims().d1();
            d2[i] = key.dims().d2();
            d3[i] = key.dims().d3();
            n[i] = nodes.get(key);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO counter_node (metric, node, dim1, dim2, dim3, n) "
                + "SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[]) "
                + "ON CONFLICT (metric, node, dim1, dim2, dim3) DO UPDATE SET n = counter_node.n + EXCLUDED.n")) {
            s.setArray(1, c.createArrayOf("text", metrics));
            s.setArray(2, c.createArrayOf("integer", nodeIds));
            s.setArray(3, c.createArrayOf("text", d1));
            s.setArray(4, c.createArrayOf("text", d2));
            s.setArray(5, c.createArrayOf("text", d3));
            s.setArray(6, c.createArrayOf("bigint", n));
            s.executeUpdate();
        }
    }

    /** One weighted node sum to compute: {@code label} names it in the result. */
    public record Request(int label, Metric metric, Map<Integer, Integer> weights, Filter filter) {
    }

    /** The sums per label, and the watermark they reflect. */
    public record Result(Watermark watermark, Map<Integer, Map<Dims, Long>> sums) {
        public Map<Dims, Long> get(int label) {
            return sums.getOrDefault(label, Map.of());
        }
    }

    /**
     * Computes all requested sums and reads the watermark in one SQL statement: one round trip, and one
     * snapshot, so the numbers are exactly those of the watermark even while the follower writes. Each
     * request row is an index lookup of (metric, node), so a read touches (nodes x dimension values) rows.
     * The weighted rows are summed here rather than by a GROUP BY: the planner cannot estimate the rows of
     * the unnest join, sorts them for a GroupAggregate, and that sort cost more than the sums themselves.
     */
    public Result read(Connection c, List<Request> requests) throws SQLException {
        List<Integer> labels = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        List<Integer> coefficients = new ArrayList<>();
        List<String> d1 = new ArrayList<>();
        List<String> d2 = new ArrayList<>();
        for (Request r : requests) {
            r.weights().forEach((node, coefficient) -> {
                labels.add(r.label());
                metrics.add(r.metric().code());
                nodes.add(node);
                coefficients.add(coefficient);
                d1.add(r.filter().d1());
                d2.add(r.filter().d2());
            });
        }
        // The watermark row first (label null), then one row per counter row read; one statement, one snapshot.
        String sql = "SELECT s.feed_cursor, s.applied_at, s.event_time, s.events_applied, s.generation, "
                + "NULL::int AS label, NULL::text AS dim1, NULL::text AS dim2, NULL::text AS dim3, NULL::bigint AS n "
                + "FROM follower_state s WHERE s.id = 1 UNION ALL "
                + "SELECT NULL, NULL, NULL, NULL, NULL, r.label, c.dim1, c.dim2, c.dim3, c.n * r.coef "
                + "FROM unnest(?::int[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[]) "
                + "AS r(label, metric, node, coef, d1, d2) "
                + "JOIN counter_node c ON c.metric = r.metric AND c.node = r.node "
                + "AND (r.d1 IS NULL OR c.dim1 = r.d1) AND (r.d2 IS NULL OR c.dim2 = r.d2) "
                // The same filters as key ranges (a missing filter is the whole range): index conditions, so
                // rows of other dimension values are skipped in the index instead of fetched and then dropped.
                + "AND c.dim1 BETWEEN COALESCE(r.d1, '') AND COALESCE(r.d1, " + TOP + ") "
                + "AND c.dim2 BETWEEN COALESCE(r.d2, '') AND COALESCE(r.d2, " + TOP + ")";
        Map<Integer, Map<Dims, Long>> sums = new HashMap<>();
        Watermark watermark = Watermark.START;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("integer", labels.toArray()));
            s.setArray(2, c.createArrayOf("text", metrics.toArray()));
            s.setArray(3, c.createArrayOf("integer", nodes.toArray()));
            s.setArray(4, c.createArrayOf("integer", coefficients.toArray()));
            s.setArray(5, c.createArrayOf("text", d1.toArray()));
            s.setArray(6, c.createArrayOf("text", d2.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject(6) == null) {
                        watermark = FollowerStateStore.watermark(rs);
                        continue;
                    }
                    long n = rs.getLong(10);
                    if (n != 0) {
                        sums.computeIfAbsent(rs.getInt(6), k -> new HashMap<>())
                                .merge(new Dims(rs.getString(7), rs.getString(8), rs.getString(9)), n, Long::sum);
                    }
                }
            }
        }
        sums.values().forEach(m -> m.values().removeIf(n -> n == 0));
        return new Result(watermark, sums);
    }

    /** Combines raw node values (read with weight 1, labelled by node) with the weights of one day range. */
    public static Map<Dims, Long> combine(Result nodes, Map<Integer, Integer> weights) {
        Map<Dims, Long> result = new HashMap<>();
        weights.forEach((node, weight) -> nodes.get(node)
                .forEach((dims, n) -> result.merge(dims, n * weight, Long::sum)));
        result.values().removeIf(n -> n == 0);
        return result;
    }
}
