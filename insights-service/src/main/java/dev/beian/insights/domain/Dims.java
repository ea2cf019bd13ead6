package dev.beian.insights.domain;

/** Up to three dimension values of a counter; an absent dimension is the empty string, never null. */
public record Dims(String d1, String d2, String d3) {

    /** The value counted for an item whose dimension is unknown (null in the feed). */
    public static final String UNKNOWN = "UNKNOWN";

    public Dims {
        d1 = d1 == null ? "" : d1;
        d2 = d2 == null ? "" : d2;
        d3 = d3 == null ? "" : d3;
    }

    public static Dims of(String... values) {
        return new Dims(value(values, 0), value(values, 1), value(values, 2));
    }

    /** A feed value, or {@link #UNKNOWN} when it is null or blank. */
    public static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    private static String value(String[] values, int i) {
        return values.length > i ? values[i] : "";
    }
}
