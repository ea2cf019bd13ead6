package dev.beian.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beian.registry.api.HistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Records and reads the change history of filings: who changed which fields, from what, to what. */
@ApplicationScoped
public class FilingHistory {

    /** Fields that change on every write and say nothing on their own. */
    private static final Set<String> NOISE = Set.of("updatedAt", "version", "createdAt");

    private final EntityManager em;
    private final ObjectMapper json;

    public FilingHistory(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Field-by-field difference of two states (either may be null), as {field: {from, to}}. */
    public ObjectNode diff(Object before, Object after) {
        JsonNode from = before == null ? json.createObjectNode() : json.valueToTree(before);
        JsonNode to = after == null ? json.createObjectNode() : json.valueToTree(after);
        ObjectNode changes = json.createObjectNode();
        Set<String> all = new TreeSet<>();
        from.fieldNames().forEachRemaining(all::add);
        to.fieldNames().forEachRemaining(all::add);
        for (String field : all) {
            if (NOISE.contains(field)) {
                continue;
            }
            JsonNode a = from.path(field);
            JsonNode b = to.path(field);
            boolean bothAbsent = (a.isMissingNode() || a.isNull()) && (b.isMissingNode() || b.isNull());
            if (!bothAbsent && !a.equals(b)) {
                ObjectNode change = changes.putObject(field);
                change.set("from", a.isMissingNode() ? null : a);
                change.set("to", b.isMissingNode() ? null : b);
            }
        }
        return changes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long filingId, String actor, String action, ObjectNode changes) {
        em.createNativeQuery("INSERT INTO filing_history (filing_id, actor, action, changes) VALUES (?1, ?2, ?3, CAST(?4 AS json))")
                .setParameter(1, filingId)
                .setParameter(2, actor)
                .setParameter(3, action)
                .setParameter(4, changes.toString())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<HistoryEntry> of(long filingId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT at, actor, action, changes::text FROM filing_history WHERE filing_id = ?1 ORDER BY id")
                .setParameter(1, filingId)
                .getResultList();
        return rows.stream().map(r -> new HistoryEntry(toInstant(r[0]), (String) r[1], (String) r[2], parse((String) r[3])))
                .toList();
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.createObjectNode().put("unreadable", text);
        }
    }

}
