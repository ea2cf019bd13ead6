package dev.beian.registry.service;

/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} (or a tab or carriage return before one) as a formula, and the registry's text comes from
 * public lists anyone can get a name onto. The export prefixes such a cell with a single quote, which spreadsheets
 * show as text; the CSV import takes that one quote off again, so an export imports to the values it came from.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The cell as the export writes it: quoted when a spreadsheet would read it as a formula. */
    public static Object neutralize(Object value) {
        if (value instanceof CharSequence || value instanceof Number) {
            String text = value.toString();
            return triggers(text) ? "'" + text : value;
        }
        return value;
    }

    /** The cell as imported: the quote {@link #neutralize} added is taken off; other text is left as it is. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && triggers(cell) ? cell.substring(1) : cell;
    }

    /**
     * Whether the text, after any quotes it starts with, starts like a formula. Counting those quotes in keeps
     * the round trip exact for text that itself starts with {@code '=}: it is written {@code ''=} and read back.
     */
    private static boolean triggers(String text) {
        int at = 0;
        while (at < text.length() && text.charAt(at) == '\'') {
            at++;
        }
        if (text.length() <= at) {
            return false;
        }
        char first = text.charAt(at);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
