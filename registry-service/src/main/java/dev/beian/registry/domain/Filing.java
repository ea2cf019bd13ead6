package dev.beian.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A filed (备案) or registered (登记) generative-AI service, as published by the CAC. */
@Entity
@Table(name = "filing")
public class Filing extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "filing_number")
    public String filingNumber;

    @Enumerated(EnumType.STRING)
    public FilingKind kind;

    @Column(name = "sequence_no")
    public Integer sequenceNo;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    public String jurisdiction;

    @Column(name = "filing_date")
    public LocalDate filingDate;

    @Column(name = "publication_batch")
    public String publicationBatch;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> categories = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> sectors = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "weights_access")
    public WeightsAccess weightsAccess;

    @Column(name = "base_filing_id")
    public Long baseFilingId;

    @Enumerated(EnumType.STRING)
    public FilingStatus status = FilingStatus.ACTIVE;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "status_history", columnDefinition = "jsonb")
    public List<StatusChange> statusHistory = new ArrayList<>();

    @Column(name = "source_list")
    public String sourceList;

    @Column(name = "source_row")
    public Integer sourceRow;

    @Column(name = "source_url")
    public String sourceUrl;

    /** Normalised names, organisation and filing number; its n-grams are indexed for substring search. */
    @Column(name = "search_text")
    public String searchText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_grams", columnDefinition = "text[]")
    public List<String> searchGrams = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** Sets the text a filing is found by, and the n-grams that index it. */
    public void indexForSearch(String text) {
        searchText = text;
        searchGrams = new ArrayList<>(SearchGrams.forIndex(text));
    }

    /** One entry of the status history: the status and the date it took effect. */
    public record StatusChange(FilingStatus status, LocalDate since) {
    }
}
