package dev.beian.registry.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalisation of names. The CAC lists mix full-width and half-width forms (（）vs ()) and stray spaces,
 * so organisations are matched by a folded key of their legal name, and search matches the same folding in
 * lower case.
 */
public final class Names {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");

    private Names() {
    }

    /** Trims and collapses whitespace, keeping the text as written. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        String cleaned = hasWhitespaceToCollapse(stripped) ? WHITESPACE.matcher(stripped).replaceAll(" ") : stripped;
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Whether the regex in clean() would change the text: most values have no whitespace, or single spaces. */
    private static boolean hasWhitespaceToCollapse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c)))
                    || (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** NFKC-folded (full-width forms to half-width) with whitespace collapsed. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(folded.strip()).replaceAll(" ");
    }

    /**
     * The uniqueness key of an organisation's legal name: folded, without any whitespace (the lists write
     * "阿里巴巴 (杭州)" and "阿里巴巴（杭州）" for one company) and case-insensitive.
     */
    public static String organizationKey(String text) {
        if (text == null) {
            return null;
        }
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Folding used for substring search, on both the indexed text and the query. */
    public static String searchForm(String text) {
        String normalized = normalize(text);
        return normalized == null ? "" : normalized.toLowerCase(Locale.ROOT);
    }

    /** The text a filing is found by: its names, organisation and filing number. */
    public static String searchText(String name, String nameEn, String organizationName, String organizationNameEn,
                                    String filingNumber) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[]{name, nameEn, organizationName, organizationNameEn, filingNumber}) {
            if (part != null && !part.isBlank()) {
                text.append(searchForm(part)).append(' ');
            }
        }
        return text.toString().strip();
    }
}
