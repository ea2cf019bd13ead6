package dev.beian.registry.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes change-feed events into the outbox, inside the caller's transaction, so an event exists exactly
 * when its change committed. Followers are woken through NOTIFY, which PostgreSQL delivers at commit.
 */
@ApplicationScoped
public class ChangeEvents {

    public static final String CHANNEL = "beian_change_feed";

    private final EntityManager em;
    private final ObjectMapper json;

    public ChangeEvents(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, long entityId, Object state) {
        em.flush(); // the event's state must not precede the rows it describes in the transaction
        em.createNativeQuery("INSERT INTO change_event (type, entity_id, data) VALUES (?1, ?2, CAST(?3 AS json))")
                .setParameter(1, type)
                .setParameter(2, entityId)
                .setParameter(3, toJson(state))
                .executeUpdate();
        em.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')").getSingleResult();
    }

    private String toJson(Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise change event", e);
        }
    }
}
