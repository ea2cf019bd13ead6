package dev.beian.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A category code with its Chinese and English names. Reference data, read-only. */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "sort_order")
    public short sortOrder;
}
