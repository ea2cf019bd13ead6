package dev.beian.insights;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/** Builds change events as the registry writes them (docs/change-feed.md); cursors come from the stand-in. */
public final class Events {

    /** Event times advance one second per event from a fixed start, so answers are reproducible. */
    private static final AtomicLong CLOCK = new AtomicLong(Instant.parse("2026-11-01T00:00:00Z").getEpochSecond());

    private Events() {
    }

    public static Filing filing(long id) {
        return new Filing(id, "FILING");
    }

    public static Filing registration(long id) {
        return new Filing(id, "REGISTRATION");
    }

    public static JsonObject organization(String type, long id, String legalName, String nameEn, long version) {
        return event("organization." + type, id, new JsonObject().put("id", id).put("legalName", legalName)
                .put("nameEn", nameEn).put("aliases", new JsonArray()).put("type", "STARTUP")
                .put("headquarters", "CN-BJ").put("version", version));
    }

    public static JsonObject deployment(String type, long id, long filingId, String region, String sector,
                                        String since, long version) {
        return event("deployment." + type, id, new JsonObject().put("id", id).put("filingId", filingId)
                .put("region", region).put("sector", sector).put("since", since).put("version", version));
    }

    static JsonObject event(String type, long entityId, JsonObject data) {
        return new JsonObject()
                .put("occurredAt", Instant.ofEpochSecond(CLOCK.incrementAndGet()).toString())
                .put("type", type)
                .put("entityId", entityId)
                .put("data", data);
    }

    /** A filing's full state, as GET /api/v1/filings/{id} shows it. */
    public static final class Filing {
        private final JsonObject data = new JsonObject();

        Filing(long id, String kind) {
            data.put("id", id).put("filingNumber", null).put("kind", kind).put("name", "service " + id)
                    .put("nameEn", null).put("organization", null).put("jurisdiction", null).put("filingDate", null)
                    .put("publicationBatch", "test").put("sequenceNo", id).put("categories", new JsonArray())
                    .put("sectors", new JsonArray().add("GENERAL")).put("weightsAccess", null)
                    .put("baseFilingId", null).put("status", "ACTIVE").put("statusHistory", new JsonArray())
                    .put("deploymentCount", 0).put("source", new JsonObject().put("list", "test"))
                    .put("createdAt", "2026-11-01T00:00:00Z").put("updatedAt", "2026-11-01T00:00:00Z")
                    .put("version", 0);
        }

        public Filing name(String name, String nameEn, String filingNumber) {
            data.put("name", name).put("nameEn", nameEn).put("filingNumber", filingNumber);
            return this;
        }

        public Filing org(long id, String legalName, String nameEn) {
            data.put("organization", new JsonObject().put("id", id).put("legalName", legalName).put("nameEn", nameEn));
            return this;
        }

        public Filing jurisdiction(String code) {
            data.put("jurisdiction", code);
            return this;
        }

        /** Sets the filing date; the status history starts there as ACTIVE unless set otherwise. */
        public Filing date(String date) {
            data.put("filingDate", date);
            if (date != null && data.getJsonArray("statusHistory").isEmpty()) {
                data.put("statusHistory", new JsonArray().add(historyEntry("ACTIVE", date)));
            }
            return this;
        }

        public Filing date(LocalDate date) {
            return date(date.toString());
        }

        public Filing categories(String... categories) {
            data.put("categories", new JsonArray(java.util.List.of((Object[]) categories)));
            return this;
        }

        public Filing weights(String access) {
            data.put("weightsAccess", access);
            return this;
        }

        public Filing base(long baseFilingId) {
            data.put("baseFilingId", baseFilingId);
            return this;
        }

        /** Moves to {@code status} on {@code since}, appending to the history. */
        public Filing status(String status, String since) {
            data.put("status", status);
            data.getJsonArray("statusHistory").add(historyEntry(status, since));
            return this;
        }

        public Filing version(long version) {
            data.put("version", version);
            return this;
        }

        public JsonObject created() {
            return as("filing.created");
        }

        public JsonObject updated() {
            return as("filing.updated");
        }

        public JsonObject statusChanged() {
            return as("filing.status-changed");
        }

        public JsonObject deleted() {
            return as("filing.deleted");
        }

        /** The event of this state; the builder can go on to describe a later state. */
        public JsonObject as(String type) {
            return event(type, data.getLong("id"), data.copy());
        }

        private static JsonObject historyEntry(String status, String since) {
            return new JsonObject().put("status", status).put("since", since);
        }
    }
}
