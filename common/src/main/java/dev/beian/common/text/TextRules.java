package dev.beian.common.text;

/**
 * What text the services accept anywhere: no NUL characters (PostgreSQL cannot store them) and no unpaired
 * UTF-16 surrogates (they are not Unicode text; the database would silently store them as '?').
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code value} is not acceptable text, as a phrase after the field's name; null when it is fine. */
    public static String violation(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
            }
        }
        return null;
    }
}
