package dev.beian.insights.store;

import dev.beian.insights.domain.Deltas;
import dev.beian.insights.domain.FilingState;
import dev.beian.insights.domain.Metric;
import dev.beian.insights.domain.Watermark;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-organization aggregates (counts kept non-negative by CHECK constraints; deltas are applied as "insert a
 * zero row if missing, then add", because PostgreSQL checks a proposed INSERT row before ON CONFLICT): filing counts by kind (the top-N ranking), category mix, and the day of each
 * organization's earliest filing, which dates it in the "organizations holding filings as of" counter.
 */
@ApplicationScoped
public class OrganizationStore {

    /** An organization in a ranking, with its names (from organization events, else from its filings). */
    public record Ranked(long organizationId, String legalName, String nameEn, long filings, long registrations,
                         List<CategoryCount> categories) {
    }

    public record CategoryCount(long organizationId, String kind, String category, long count) {
    }

    /**
     * Applies a batch's organization deltas and adds to {@code deltas} the changes of the
     * {@link Metric#ORGANIZATION_FIRST_FILING} counter that follow from moved earliest filings.
     */
    public void apply(Connection c, Deltas deltas) throws SQLException {
        applyCounts(c, deltas);
        applyCategories(c, deltas.organizationCategories());
        Map<Deltas.OrgDay, Integer> days = deltas.organizationDays();
        if (!days.isEmpty()) {
            applyDays(c, days);
            moveFirstFilings(c, days, deltas);
        }
    }

    private void applyCounts(Connection c, Deltas deltas) throws SQLException {
        Map<Long, int[]> counts = new HashMap<>();
        deltas.organizationKinds().forEach((key, delta) -> {
            int[] byKind = counts.computeIfAbsent(key.organizationId(), k -> new int[2]);
            if (FilingState.FILING.equals(key.kind())) {
                byKind[0] += delta;
            } else if (FilingState.REGISTRATION.equals(key.kind())) {
                byKind[1] += delta;
            }
        });
        deltas.organizationNames().keySet().forEach(id -> counts.computeIfAbsent(id, k -> new int[2]));
        if (counts.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(counts.keySet()));
        Integer[] filings = new Integer[ids.size()];
        Integer[] registrations = new Integer[ids.size()];
        String[] names = new String[ids.size()];
        String[] namesEn = new String[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            int[] byKind = counts.get(ids.get(i));
            filings[i] = byKind[0];
            registrations[i] = byKind[1];
            FilingState.OrganizationRef ref = deltas.organizationNames().get(ids.get(i));
            names[i] = ref == null ? null : ref.legalName();
            namesEn[i] = ref == null ? null : ref.nameEn();
        }
        Object[] idArray = ids.toArray();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO organization_stats (organization_id) "
                + "SELECT unnest(?::bigint[]) ON CONFLICT (organization_id) DO NOTHING")) {
            s.setArray(1, c.createArrayOf("bigint", idArray));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE organization_stats s SET filings = s.filings + u.filings, "
                + "registrations = s.registrations + u.registrations, legal_name = COALESCE(u.legal_name, s.legal_name), "
                + "name_en = COALESCE(u.name_en, s.name_en) FROM unnest(?::bigint[], ?::int[], ?::int[], ?::text[], "
                + "?::text[]) AS u(id, filings, registrations, legal_name, name_en) WHERE s.organization_id = u.id")) {
            s.setArray(1, c.createArrayOf("bigint", idArray));
            s.setArray(2, c.createArrayOf("integer", filings));
            s.setArray(3, c.createArrayOf("integer", registrations));
            s.setArray(4, c.createArrayOf("text", names));
            s.setArray(5, c.createArrayOf("text", namesEn));
            s.executeUpdate();
        }
    }

    private void applyCategories(Connection c, Map<Deltas.OrgCategory, Integer> categories) throws SQLException {
        if (categories.isEmpty()) {
            return;
        }
        List<Deltas.OrgCategory> keys = new ArrayList<>(categories.keySet());
        Long[] ids = keys.stream().map(Deltas.OrgCategory::organizationId).toArray(Long[]::new);
        String sql = "FROM unnest(?::bigint[], ?::text[], ?::text[], ?::int[]) AS u(id, kind, category, n)";
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO organization_category (organization_id, kind, "
                + "category, n) SELECT id, kind, category, 0 " + sql + " ON CONFLICT DO NOTHING");
             PreparedStatement update = c.prepareStatement("UPDATE organization_category o SET n = o.n + u.n " + sql
                     + " WHERE o.organization_id = u.id AND o.kind = u.kind AND o.category = u.category")) {
            for (PreparedStatement s : List.of(insert, update)) {
                s.setArray(1, c.createArrayOf("bigint", ids));
                s.setArray(2, c.createArrayOf("text", keys.stream().map(Deltas.OrgCategory::kind).toArray()));
                s.setArray(3, c.createArrayOf("text", keys.stream().map(Deltas.OrgCategory::category).toArray()));
                s.setArray(4, c.createArrayOf("integer", keys.stream().map(categories::get).toArray()));
                s.executeUpdate();
            }
        }
        deleteZeros(c, "organization_category", ids);
    }

    private void applyDays(Connection c, Map<Deltas.OrgDay, Integer> days) throws SQLException {
        List<Deltas.OrgDay> keys = new ArrayList<>(days.keySet());
        Long[] ids = keys.stream().map(Deltas.OrgDay::organizationId).toArray(Long[]::new);
        String sql = "FROM unnest(?::bigint[], ?::int[], ?::int[]) AS u(id, slot, n)";
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO organization_day (organization_id, slot, n) "
                + "SELECT id, slot, 0 " + sql + " ON CONFLICT DO NOTHING");
             PreparedStatement update = c.prepareStatement("UPDATE organization_day d SET n = d.n + u.n " + sql
                     + " WHERE d.organization_id = u.id AND d.slot = u.slot")) {
            for (PreparedStatement s : List.of(insert, update)) {
                s.setArray(1, c.createArrayOf("bigint", ids));
                s.setArray(2, c.createArrayOf("integer", keys.stream().map(Deltas.OrgDay::slot).toArray()));
                s.setArray(3, c.createArrayOf("integer", keys.stream().map(days::get).toArray()));
                s.executeUpdate();
            }
        }
        deleteZeros(c, "organization_day", ids);
    }

    /** Recomputes the earliest filing slot of the organizations whose days changed. */
    private void moveFirstFilings(Connection c, Map<Deltas.OrgDay, Integer> days, Deltas deltas) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        days.keySet().forEach(d -> ids.add(d.organizationId()));
        List<Long> changed = new ArrayList<>();
        List<Integer> firstSlots = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT s.organization_id, s.first_slot, "
                + "(SELECT min(d.slot) FROM organization_day d WHERE d.organization_id = s.organization_id) "
                + "FROM organization_stats s WHERE s.organization_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Integer before = (Integer) rs.getObject(2);
                    Integer after = (Integer) rs.getObject(3);
                    if (java.util.Objects.equals(before, after)) {
                        continue;
                    }
                    if (before != null) {
                        deltas.counter(Metric.ORGANIZATION_FIRST_FILING, before, -1);
                    }
                    if (after != null) {
                        deltas.counter(Metric.ORGANIZATION_FIRST_FILING, after, 1);
                    }
                    changed.add(rs.getLong(1));
                    firstSlots.add(after);
                }
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE organization_stats s SET first_slot = u.slot "
                + "FROM unnest(?::bigint[], ?::int[]) AS u(id, slot) WHERE s.organization_id = u.id")) {
            s.setArray(1, c.createArrayOf("bigint", changed.toArray()));
            s.setArray(2, c.createArrayOf("integer", firstSlots.toArray()));
            s.executeUpdate();
        }
    }

    private static void deleteZeros(Connection c, String table, Long[] ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table
                + " WHERE organization_id = ANY(?) AND n = 0")) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.executeUpdate();
        }
    }

    /** A ranking and the watermark it reflects. */
    public record Ranking(Watermark watermark, List<Ranked> organizations) {
    }

    /**
     * The top organizations by filings of one kind (null: both kinds), most first, ties by id, each with its
     * category counts; read with the watermark in one statement (one snapshot).
     */
    public Ranking top(Connection c, String kind, int limit) throws SQLException {
        String column = kind == null ? "total" : FilingState.FILING.equals(kind) ? "filings" : "registrations";
        String sql = "SELECT w.feed_cursor, w.applied_at, w.event_time, w.events_applied, w.generation, "
                + "t.organization_id, t.legal_name, t.name_en, t.filings, t.registrations, t.kinds, t.categories, t.ns "
                + "FROM follower_state w LEFT JOIN LATERAL ("
                + "SELECT top.organization_id, top.ranked, COALESCE(o.legal_name, top.legal_name) AS legal_name, "
                + "COALESCE(o.name_en, top.name_en) AS name_en, top.filings, top.registrations, m.kinds, m.categories, m.ns "
                + "FROM (SELECT s.*, s." + column + " AS ranked FROM organization_stats s WHERE s." + column + " > 0 "
                + "ORDER BY s." + column + " DESC, s.organization_id LIMIT ?) top "
                + "LEFT JOIN organization_projection o ON o.id = top.organization_id AND NOT o.deleted "
                + "LEFT JOIN LATERAL (SELECT array_agg(oc.kind) AS kinds, array_agg(oc.category) AS categories, "
                + "array_agg(oc.n) AS ns FROM organization_category oc "
                + "WHERE oc.organization_id = top.organization_id AND oc.n > 0) m ON true) t ON true "
                + "WHERE w.id = 1 ORDER BY t.ranked DESC, t.organization_id";
        Watermark watermark = Watermark.START;
        List<Ranked> ranked = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    watermark = FollowerStateStore.watermark(rs);
                    if (rs.getObject(6) == null) {
                        continue;
                    }
                    long id = rs.getLong(6);
                    List<CategoryCount> categories = new ArrayList<>();
                    if (rs.getArray(11) != null) {
                        String[] kinds = (String[]) rs.getArray(11).getArray();
                        String[] names = (String[]) rs.getArray(12).getArray();
                        Integer[] counts = (Integer[]) rs.getArray(13).getArray();
                        for (int i = 0; i < kinds.length; i++) {
                            categories.add(new CategoryCount(id, kinds[i], names[i], counts[i]));
                        }
                    }
                    ranked.add(new Ranked(id, rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10),
                            categories));
                }
            }
        }
        return new Ranking(watermark, ranked);
    }
}
