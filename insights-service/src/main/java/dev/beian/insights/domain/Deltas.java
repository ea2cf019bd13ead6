package dev.beian.insights.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * The changes one batch of events makes to the aggregates, merged in memory so that each counter row is
 * written once per batch. Changes are accumulated as (new contribution - old contribution).
 */
public final class Deltas {

    public record CounterKey(Metric metric, Dims dims, int slot) {
    }

    public record OrgKind(long organizationId, String kind) {
    }

    public record OrgCategory(long organizationId, String kind, String category) {
    }

    public record OrgDay(long organizationId, int slot) {
    }

    private final Map<CounterKey, Long> counters = new HashMap<>();
    private final Map<OrgKind, Integer> orgKinds = new HashMap<>();
    private final Map<OrgCategory, Integer> orgCategories = new HashMap<>();
    private final Map<OrgDay, Integer> orgDays = new HashMap<>();
    private final Map<Long, Integer> lineage = new HashMap<>();
    private final Map<Long, FilingState.OrganizationRef> organizationNames = new HashMap<>();

    public void counter(Metric metric, int slot, long delta, String... dims) {
        counters.merge(new CounterKey(metric, Dims.of(dims), slot), delta, Long::sum);
    }

    public void organizationKind(long organizationId, String kind, int delta) {
        orgKinds.merge(new OrgKind(organizationId, kind), delta, Integer::sum);
    }

    public void organizationCategory(long organizationId, String kind, String category, int delta) {
        orgCategories.merge(new OrgCategory(organizationId, kind, category), delta, Integer::sum);
    }

    public void organizationDay(long organizationId, int slot, int delta) {
        orgDays.merge(new OrgDay(organizationId, slot), delta, Integer::sum);
    }

    public void lineage(long baseFilingId, int delta) {
        lineage.merge(baseFilingId, delta, Integer::sum);
    }

    /** The latest names a filing gave its organization (kept for rankings; not a count). */
    public void organizationName(FilingState.OrganizationRef organization) {
        organizationNames.put(organization.id(), organization);
    }

    public Map<CounterKey, Long> counters() {
        return nonZero(counters);
    }

    public Map<OrgKind, Integer> organizationKinds() {
        return nonZero(orgKinds);
    }

    public Map<OrgCategory, Integer> organizationCategories() {
        return nonZero(orgCategories);
    }

    public Map<OrgDay, Integer> organizationDays() {
        return nonZero(orgDays);
    }

    public Map<Long, Integer> lineage() {
        return nonZero(lineage);
    }

    public Map<Long, FilingState.OrganizationRef> organizationNames() {
        return organizationNames;
    }

    private static <K, V extends Number> Map<K, V> nonZero(Map<K, V> map) {
        Map<K, V> result = new HashMap<>(map);
        result.values().removeIf(v -> v.longValue() == 0);
        return result;
    }
}
