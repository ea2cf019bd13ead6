package dev.beian.registry.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sorts a filing list offers. Each sorts by one indexed key and then by id, the stable tiebreaker that
 * keyset pagination needs. Null filing dates sort as the earliest date.
 */
public enum FilingSort {
    FILING_DATE_ASC("filingDate", FilingSort.DATE_KEY, "date", true),
    FILING_DATE_DESC("-filingDate", FilingSort.DATE_KEY, "date", false),
    NAME_ASC("name", "f.name", "text", true),
    NAME_DESC("-name", "f.name", "text", false),
    UPDATED_AT_ASC("updatedAt", "f.updated_at", "timestamptz", true),
    UPDATED_AT_DESC("-updatedAt", "f.updated_at", "timestamptz", false);

    public static final FilingSort DEFAULT = FILING_DATE_DESC;
    /** The key of the date indexes (see V2__filings.sql): unknown dates sort first. */
    static final String DATE_KEY = "coalesce(f.filing_date, DATE '0001-01-01')";

    public final String parameter;
    final String sqlKey;
    final String sqlType;
    final boolean ascending;

    FilingSort(String parameter, String sqlKey, String sqlType, boolean ascending) {
        this.parameter = parameter;
        this.sqlKey = sqlKey;
        this.sqlType = sqlType;
        this.ascending = ascending;
    }

    public static Optional<FilingSort> parse(String parameter) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
    }
}
