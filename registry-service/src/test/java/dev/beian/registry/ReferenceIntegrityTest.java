package dev.beian.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database itself refuses a filing whose organization or jurisdiction does not exist, and the deletion of
 * an organization that filings still name (checked per statement since V3, not by foreign keys): the service's
 * own checks can be raced, these rules cannot.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ReferenceIntegrityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void filingNamingAMissingOrganizationIsRefused() throws SQLException {
        SQLException refused = assertThrows(SQLException.class, () -> insertFiling(Long.MAX_VALUE, "CN-BJ"));
        assertEquals("23503", refused.getSQLState());
        assertTrue(refused.getMessage().contains("filing_organization_id_fkey"), refused.getMessage());
    }

    @Test
    void filingNamingAMissingJurisdictionIsRefused() throws SQLException {
        long organization = insertOrganization();
        SQLException refused = assertThrows(SQLException.class, () -> insertFiling(organization, "CN-XX"));
        assertEquals("23503", refused.getSQLState());
        assertTrue(refused.getMessage().contains("filing_jurisdiction_fkey"), refused.getMessage());
    }

    @Test
    void referencedOrganizationCannotBeDeletedButAnUnreferencedOneCan() throws SQLException {
        long referenced = insertOrganization();
        insertFiling(referenced, "CN-SH");
        SQLException refused = assertThrows(SQLException.class, () -> execute("DELETE FROM organization WHERE id = " + referenced));
        assertEquals("23503", refused.getSQLState());

        long unreferenced = insertOrganization();
        assertEquals(1, execute("DELETE FROM organization WHERE id = " + unreferenced));
    }

    @Test
    void changingAFilingToAMissingOrganizationIsRefused() throws SQLException {
        long filing = insertFiling(insertOrganization(), "CN-GD");
        SQLException refused = assertThrows(SQLException.class,
                () -> execute("UPDATE filing SET organization_id = " + Long.MAX_VALUE + " WHERE id = " + filing));
        assertEquals("23503", refused.getSQLState());
    }

    private long insertOrganization() throws SQLException {
        String name = "引用测试机构" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        return queryLong("INSERT INTO organization (legal_name, normalized_name) VALUES ('" + name + "', '" + name
                + "') RETURNING id");
    }

    private long insertFiling(long organization, String jurisdiction) throws SQLException {
        long n = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO filing (filing_number, kind, name, organization_id, jurisdiction, search_text)
                VALUES (?, 'FILING', '引用测试', ?, ?, '引用测试') RETURNING id""")) {
            ps.setString(1, "Test-Reference-" + n);
            ps.setLong(2, organization);
            ps.setString(3, jurisdiction);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
