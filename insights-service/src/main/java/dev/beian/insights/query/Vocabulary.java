package dev.beian.insights.query;

import dev.beian.insights.domain.Term;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jurisdiction, category and sector names (copied from the registry's vocabularies into this database), read
 * once: they validate query parameters and name the rows of answers without a query per request.
 */
@ApplicationScoped
public class Vocabulary {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final AgroalDataSource dataSource;
    private volatile Loaded loaded;

    private record Loaded(Map<String, Term> jurisdictions, Map<String, Term> categories, Map<String, Term> sectors) {
    }

    public Vocabulary(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Term> jurisdictions() {
        return List.copyOf(loaded().jurisdictions().values());
    }

    public List<Term> categories() {
        return List.copyOf(loaded().categories().values());
    }

    public Optional<Term> jurisdiction(String code) {
        return Optional.ofNullable(loaded().jurisdictions().get(code));
    }

    public Optional<Term> category(String code) {
        return Optional.ofNullable(loaded().categories().get(code));
    }

    public Optional<Term> sector(String code) {
        return Optional.ofNullable(loaded().sectors().get(code));
    }

    /**
     * Names of a deployment region: a jurisdiction (CN-GD) from the vocabulary, a country (SG) from the JDK's
     * ISO 3166 names; empty for anything else.
     */
    public Optional<Term> region(String code) {
        Optional<Term> jurisdiction = jurisdiction(code);
        if (jurisdiction.isPresent() || code == null || !COUNTRIES.contains(code)) {
            return jurisdiction;
        }
        Locale country = new Locale("", code);
        return Optional.of(new Term(code, country.getDisplayCountry(Locale.SIMPLIFIED_CHINESE),
                country.getDisplayCountry(Locale.ENGLISH), Integer.MAX_VALUE));
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded load() {
        try (Connection c = dataSource.getConnection()) {
            return new Loaded(terms(c, "jurisdiction"), terms(c, "category"), terms(c, "sector"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the reference vocabularies", e);
        }
    }

    private static Map<String, Term> terms(Connection c, String table) throws SQLException {
        Map<String, Term> terms = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT code, name_zh, name_en, sort_order FROM " + table
                + " ORDER BY sort_order");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                terms.put(rs.getString(1), new Term(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
        }
        return terms;
    }
}
