package dev.beian.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A province-level region (ISO 3166-2:CN) or SASAC, as the 属地 of a filing. Reference data, read-only. */
@Entity
@Table(name = "jurisdiction")
public class Jurisdiction extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "short_name_zh")
    public String shortNameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "filing_prefix")
    public String filingPrefix;

    @Column(name = "sort_order")
    public short sortOrder;
}
