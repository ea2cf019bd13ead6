package dev.beian.insights.official;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** An officially announced cumulative total of filings and registrations as of a date. */
@Entity
@Table(name = "official_total")
public class OfficialTotal extends PanacheEntityBase {

    @Id
    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "filed_cumulative")
    public int filedCumulative;

    @Column(name = "registered_cumulative")
    public Integer registeredCumulative;

    public boolean approximate;

    public String status;

    public String source;

    public String note;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
