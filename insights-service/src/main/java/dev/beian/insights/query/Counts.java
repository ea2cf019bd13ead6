package dev.beian.insights.query;

import dev.beian.insights.domain.Dims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small helpers that fold counter read results into the shapes answers need. */
final class Counts {

    private Counts() {
    }

    static long total(Map<Dims, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sums by one dimension value. */
    static Map<String, Long> by(Map<Dims, Long> counts, Function<Dims, String> dimension) {
        Map<String, Long> result = new HashMap<>();
        counts.forEach((dims, n) -> result.merge(dimension.apply(dims), n, Long::sum));
        return result;
    }

    /** The given keys first, in order and with 0 where absent, then any other keys found, sorted. */
    static Map<String, Long> ordered(Map<String, Long> counts, List<String> known) {
        Map<String, Long> result = new LinkedHashMap<>();
        known.forEach(k -> result.put(k, counts.getOrDefault(k, 0L)));
        counts.keySet().stream().filter(k -> !result.containsKey(k)).sorted()
                .forEach(k -> result.put(k, counts.get(k)));
        return result;
    }

    /** Keys of {@code counts} that are not in {@code known}, sorted. */
    static List<String> extra(Map<String, Long> counts, List<String> known) {
        List<String> extra = new ArrayList<>(counts.keySet());
        extra.removeAll(known);
        extra.sort(Comparator.naturalOrder());
        return extra;
    }

    static double share(long count, long of) {
        return of == 0 ? 0 : Math.round(count * 10_000.0 / of) / 10_000.0;
    }

    static Double percent(long count, Integer of) {
        return of == null || of == 0 ? null : Math.round(count * 1_000.0 / of) / 10.0;
    }
}
