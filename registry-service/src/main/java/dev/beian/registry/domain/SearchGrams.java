package dev.beian.registry.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The n-grams of substring search: a filing's search text is indexed by its two-character grams and by its
 * non-ASCII characters alone (without whitespace), and a query looks up a few of its own. A one-character
 * Chinese query is served by the index; a one-character ASCII query (a letter or digit of a filing number,
 * found in nearly every filing) by the LIKE filter alone. Not indexing ASCII characters alone saves about a sixth
 * of the index's keys, which an import pays for on every row.
 */
public final class SearchGrams {

    /** Enough grams to narrow the candidates; the LIKE recheck does the rest. */
    private static final int MAX_GRAMS = 8;

    private SearchGrams() {
    }

    /** Every distinct one- and two-character gram of the text, for the index. */
    public static List<String> forIndex(String text) {
        int[] cps = text.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i < cps.length; i++) {
            if (indexedAlone(cps[i])) {
                addIfNoSpace(grams, new String(cps, i, 1));
            }
            if (i + 1 < cps.length) {
                addIfNoSpace(grams, new String(cps, i, 2));
            }
        }
        return List.copyOf(grams);
    }

    /**
     * The grams to look up for a query in search form: its two-character grams, or, when it has none (one
     * character, or characters between spaces), its characters that are indexed alone. Empty when the index
     * cannot narrow the query: then only the LIKE filter can.
     */
    public static List<String> forQuery(String searchForm) {
        int[] cps = searchForm.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            addIfNoSpace(grams, new String(cps, i, 2));
        }
        if (grams.isEmpty()) {
            for (int cp : cps) {
                if (indexedAlone(cp)) {
                    addIfNoSpace(grams, new String(new int[]{cp}, 0, 1));
                }
            }
        }
        List<String> all = List.copyOf(grams);
        if (all.size() <= MAX_GRAMS) {
            return all;
        }
        // Spread the chosen grams over the whole query.
        List<String> chosen = new java.util.ArrayList<>();
        for (int i = 0; i < MAX_GRAMS; i++) {
            chosen.add(all.get(i * (all.size() - 1) / (MAX_GRAMS - 1)));
        }
        return List.copyOf(new LinkedHashSet<>(chosen));
    }

    /** Characters with a gram of their own: every non-ASCII one (Chinese above all). */
    static boolean indexedAlone(int codePoint) {
        return codePoint > 0x7F;
    }

    private static void addIfNoSpace(Set<String> grams, String gram) {
        if (gram.chars().noneMatch(Character::isWhitespace)) {
            grams.add(gram);
        }
    }
}
