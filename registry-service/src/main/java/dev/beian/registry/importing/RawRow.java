package dev.beian.registry.importing;

import java.util.EnumMap;
import java.util.Map;

/**
 * One input row as text, before checking: its 1-based row number, the value of each known column, and
 * why it could not be read at all (null when it could).
 */
public record RawRow(int rowNumber, Map<ImportField, String> values, String unreadable) {

    public RawRow {
        values = values.isEmpty() ? new EnumMap<>(ImportField.class) : new EnumMap<>(values);
    }

    public RawRow(int rowNumber, Map<ImportField, String> values) {
        this(rowNumber, values, null);
    }

    public static RawRow unreadable(int rowNumber, String reason) {
        return new RawRow(rowNumber, Map.of(), reason);
    }

    public String get(ImportField field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
