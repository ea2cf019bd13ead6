package dev.beian.insights.store;

import dev.beian.insights.domain.DeploymentState;
import dev.beian.insights.domain.FilingState;
import dev.beian.insights.domain.OrganizationState;
import dev.beian.insights.domain.Stored;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The last applied state of each filing, organization and deployment (projection tables). */
@ApplicationScoped
public class ProjectionStore {

    public Map<Long, Stored<FilingState>> filings(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Stored<FilingState>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, version, deleted, kind, status, status_since, "
                + "status_values, jurisdiction, filing_date, categories, weights_access, organization_id, "
                + "organization_name, organization_name_en, base_filing_id, filing_number, name, name_en "
                + "FROM filing_projection WHERE id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Long organizationId = (Long) rs.getObject("organization_id");
                    FilingState state = new FilingState(rs.getLong("id"), rs.getString("filing_number"),
                            rs.getString("kind"), rs.getString("name"), rs.getString("name_en"),
                            organizationId == null ? null : new FilingState.OrganizationRef(organizationId,
                                    rs.getString("organization_name"), rs.getString("organization_name_en")),
                            rs.getString("jurisdiction"), localDate(rs.getDate("filing_date")),
                            strings(rs.getArray("categories")), rs.getString("weights_access"),
                            (Long) rs.getObject("base_filing_id"), rs.getString("status"),
                            history(rs.getArray("status_values"), rs.getArray("status_since")),
                            (Long) rs.getObject("version"));
                    result.put(state.id(), new Stored<>(state, state.version(), rs.getBoolean("deleted")));
                }
            }
        }
        return result;
    }

    public void saveFilings(Connection c, Map<Long, Stored<FilingState>> filings) throws SQLException {
        if (filings.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO filing_projection (id, version, deleted, kind, "
                + "status, status_since, status_values, jurisdiction, filing_date, categories, weights_access, "
                + "organization_id, organization_name, organization_name_en, base_filing_id, filing_number, name, "
                + "name_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "version = EXCLUDED.version, deleted = EXCLUDED.deleted, kind = EXCLUDED.kind, "
                + "status = EXCLUDED.status, status_since = EXCLUDED.status_since, "
                + "status_values = EXCLUDED.status_values, jurisdiction = EXCLUDED.jurisdiction, "
                + "filing_date = EXCLUDED.filing_date, categories = EXCLUDED.categories, "
                + "weights_access = EXCLUDED.weights_access, organization_id = EXCLUDED.organization_id, "
                + "organization_name = EXCLUDED.organization_name, "
                + "organization_name_en = EXCLUDED.organization_name_en, base_filing_id = EXCLUDED.base_filing_id, "
                + "filing_number = EXCLUDED.filing_number, name = EXCLUDED.name, name_en = EXCLUDED.name_en")) {
            for (Map.Entry<Long, Stored<FilingState>> entry : filings.entrySet()) {
                FilingState f = entry.getValue().state();
                FilingState.OrganizationRef org = f.organization();
                List<Date> since = new ArrayList<>();
                List<String> values = new ArrayList<>();
                for (FilingState.StatusEntry e : f.statusHistory()) {
                    since.add(e == null || e.since() == null ? null : Date.valueOf(e.since()));
                    values.add(e == null ? null : e.status());
                }
                s.setLong(1, entry.getKey());
                setLong(s, 2, entry.getValue().version());
                s.setBoolean(3, entry.getValue().deleted());
                s.setString(4, f.kind());
                s.setString(5, f.status());
                s.setArray(6, c.createArrayOf("date", since.toArray()));
                s.setArray(7, c.createArrayOf("text", values.toArray()));
                s.setString(8, f.jurisdiction());
                s.setObject(9, f.filingDate());
                s.setArray(10, c.createArrayOf("text", f.categories().toArray()));
                s.setString(11, f.weightsAccess());
                setLong(s, 12, org == null ? null : org.id());
                s.setString(13, org == null ? null : org.legalName());
                s.setString(14, org == null ? null : org.nameEn());
                setLong(s, 15, f.baseFilingId());
                s.setString(16, f.filingNumber());
                s.setString(17, f.name());
                s.setString(18, f.nameEn());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public Map<Long, Stored<OrganizationState>> organizations(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Stored<OrganizationState>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, version, deleted, legal_name, name_en, type, "
                + "headquarters FROM organization_projection WHERE id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Long version = (Long) rs.getObject("version");
                    OrganizationState state = new OrganizationState(rs.getLong("id"), rs.getString("legal_name"),
                            rs.getString("name_en"), rs.getString("type"), rs.getString("headquarters"), version);
                    result.put(state.id(), new Stored<>(state, version, rs.getBoolean("deleted")));
                }
            }
        }
        return result;
    }

    public void saveOrganizations(Connection c, Map<Long, Stored<OrganizationState>> organizations)
            throws SQLException {
        if (organizations.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO organization_projection (id, version, deleted, "
                + "legal_name, name_en, type, headquarters) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "version = EXCLUDED.version, deleted = EXCLUDED.deleted, legal_name = EXCLUDED.legal_name, "
                + "name_en = EXCLUDED.name_en, type = EXCLUDED.type, headquarters = EXCLUDED.headquarters")) {
            for (Map.Entry<Long, Stored<OrganizationState>> entry : organizations.entrySet()) {
                OrganizationState o = entry.getValue().state();
                s.setLong(1, entry.getKey());
                setLong(s, 2, entry.getValue().version());
                s.setBoolean(3, entry.getValue().deleted());
                s.setString(4, o.legalName());
                s.setString(5, o.nameEn());
                s.setString(6, o.type());
                s.setString(7, o.headquarters());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public Map<Long, Stored<DeploymentState>> deployments(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Stored<DeploymentState>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, version, deleted, filing_id, region, sector, since "
                + "FROM deployment_projection WHERE id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Long version = (Long) rs.getObject("version");
                    DeploymentState state = new DeploymentState(rs.getLong("id"), (Long) rs.getObject("filing_id"),
                            rs.getString("region"), rs.getString("sector"), localDate(rs.getDate("since")), version);
                    result.put(state.id(), new Stored<>(state, version, rs.getBoolean("deleted")));
                }
            }
        }
        return result;
    }

    public void saveDeployments(Connection c, Map<Long, Stored<DeploymentState>> deployments) throws SQLException {
        if (deployments.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO deployment_projection (id, version, deleted, "
                + "filing_id, region, sector, since) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "version = EXCLUDED.version, deleted = EXCLUDED.deleted, filing_id = EXCLUDED.filing_id, "
                + "region = EXCLUDED.region, sector = EXCLUDED.sector, since = EXCLUDED.since")) {
            for (Map.Entry<Long, Stored<DeploymentState>> entry : deployments.entrySet()) {
                DeploymentState d = entry.getValue().state();
                s.setLong(1, entry.getKey());
                setLong(s, 2, entry.getValue().version());
                s.setBoolean(3, entry.getValue().deleted());
                setLong(s, 4, d.filingId());
                s.setString(5, d.region());
                s.setString(6, d.sector());
                s.setObject(7, d.since());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<FilingState.StatusEntry> history(Array statuses, Array since) throws SQLException {
        String[] values = (String[]) statuses.getArray();
        Date[] dates = (Date[]) since.getArray();
        List<FilingState.StatusEntry> history = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            history.add(new FilingState.StatusEntry(values[i], localDate(dates[i])));
        }
        return history;
    }
}
